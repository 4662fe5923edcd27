//! Look-ups by id on a plan: the actor, objective or axis an item refers to. Rules, the document
//! and the comparison of drafts all follow references the same way, through these methods.

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
