//! Look-ups by id on a plan: the actor, objective or axis an item refers to. Rules, the document
//! and the comparison of drafts all follow references the same way, through these methods.
//!
//! A single look-up searches the list ([`Plan::actor`]); code that follows references in a loop
//! over thousands of items builds an [`Indice`] once and asks it instead, so that a plan with tens
//! of thousands of actors is still checked in linear time. Both answer the same: the first item
//! with the id.

use std::collections::HashMap;

use super::model::{Accion, Actor, Objetivo, Plan};

impl Plan {
    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actores.iter().find(|a| a.id == id)
    }

    /// The actor's name, or the id itself when no actor has it.
    pub fn nombre_actor(&self, id: &str) -> String {
        self.actor(id)
            .map_or_else(|| id.to_owned(), |a| a.nombre.clone())
    }

    /// The objective with this id.
    pub fn objetivo(&self, id: &str) -> Option<&Objetivo> {
        self.objetivos.iter().find(|o| o.id == id)
    }

    /// The national axis an action contributes to, through its objective.
    pub fn eje_de(&self, accion: &Accion) -> Option<&str> {
        self.objetivo(&accion.objetivo).map(|o| o.eje.as_str())
    }
}

/// The actors and objectives of a plan by id, built once.
#[derive(Debug, Default)]
pub struct Indice<'a> {
    /// Actors by id (the first one, when an id is repeated).
    actores: HashMap<&'a str, &'a Actor>,
    /// Objectives by id (the first one, when an id is repeated).
    objetivos: HashMap<&'a str, &'a Objetivo>,
}

impl<'a> Indice<'a> {
    /// The index of `plan`.
    pub fn new(plan: &'a Plan) -> Self {
        let mut actores = HashMap::with_capacity(plan.actores.len());
        for a in &plan.actores {
            actores.entry(a.id.as_str()).or_insert(a);
        }
        let mut objetivos = HashMap::with_capacity(plan.objetivos.len());
        for o in &plan.objetivos {
            objetivos.entry(o.id.as_str()).or_insert(o);
        }
        Indice { actores, objetivos }
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&'a Actor> {
        self.actores.get(id).copied()
    }

    /// The objective with this id.
    pub fn objetivo(&self, id: &str) -> Option<&'a Objetivo> {
        self.objetivos.get(id).copied()
    }

    /// The national axis an action contributes to, through its objective.
    pub fn eje_de(&self, accion: &Accion) -> Option<&'a str> {
        self.objetivo(&accion.objetivo).map(|o| o.eje.as_str())
    }
}
