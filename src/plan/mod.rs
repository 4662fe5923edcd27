//! The plan: its model (the format of DESIGN §3), loading from YAML with located problems, the
//! span index, id paths, and the schema derived from the model.

pub mod load;
pub mod model;
pub mod montos;
pub mod ruta;
pub mod schema;
pub mod spans;
