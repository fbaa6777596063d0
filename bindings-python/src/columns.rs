//! Cells of an Arrow column of a free SQL result as Python values. (Typed records have their
//! columns from their definitions, see `typed.rs`; free SQL is written into Arrow by the core's
//! `Dataset::sql_arrow`.)

use arrow_array::{Array, ArrayRef, Float64Array, Int64Array, StringArray};
use pyo3::prelude::*;

/// Cell `index` of an Arrow column of a free SQL result as a Python value.
pub fn py_cell<'py>(py: Python<'py>, array: &ArrayRef, index: usize) -> PyResult<Bound<'py, PyAny>> {
    if array.is_null(index) {
        return Ok(py.None().into_bound(py));
    }
    let any = array.as_any();
    if let Some(a) = any.downcast_ref::<Int64Array>() {
        Ok(a.value(index).into_pyobject(py)?.into_any())
    } else if let Some(a) = any.downcast_ref::<Float64Array>() {
        Ok(a.value(index).into_pyobject(py)?.into_any())
    } else if let Some(a) = any.downcast_ref::<StringArray>() {
        Ok(a.value(index).into_pyobject(py)?.into_any())
    } else {
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "no Python value for Arrow type {}",
            array.data_type()
        )))
    }
}
