//! How wide a word is printed, for the widths of table columns: Word and LibreOffice never widen
//! a column to hold a word, they break it («Impa cto»), so each column is given at least the
//! width of its widest word.
//!
//! Measured with the advance widths of DejaVu Sans, the font LibreOffice prints Calibri with where
//! neither Calibri nor its metric twin Carlito is installed: it is wider than both, so a column
//! that holds a word in DejaVu Sans holds it in Word's Calibri too.

/// Advance widths of DejaVu Sans (regular), in thousandths of an em, for U+0020–U+007E and then
/// U+00A0–U+00FF.
const NORMAL: [u16; 191] = [
    317, 400, 459, 837, 636, 950, 779, 274, 390, 390, 500, 837, 317, 360, 317, 336, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 336, 336, 837, 837, 837, 530, 1000, 684, 686, 698, 770, 631,
    575, 774, 751, 294, 294, 655, 557, 862, 748, 787, 603, 787, 694, 634, 610, 731, 684, 988, 685,
    610, 685, 390, 336, 390, 837, 500, 500, 612, 634, 549, 634, 615, 352, 634, 633, 277, 277, 579,
    277, 974, 633, 611, 634, 634, 411, 520, 392, 633, 591, 817, 591, 591, 524, 636, 336, 636, 837,
    317, 400, 636, 636, 636, 636, 336, 500, 500, 1000, 471, 611, 837, 360, 1000, 500, 500, 837,
    400, 400, 500, 636, 636, 317, 500, 400, 471, 611, 969, 969, 969, 530, 684, 684, 684, 684, 684,
    684, 974, 698, 631, 631, 631, 631, 294, 294, 294, 294, 774, 748, 787, 787, 787, 787, 787, 837,
    787, 731, 731, 731, 731, 610, 604, 629, 612, 612, 612, 612, 612, 612, 981, 549, 615, 615, 615,
    615, 277, 277, 277, 277, 611, 633, 611, 611, 611, 611, 611, 837, 611, 633, 633, 633, 633, 591,
    634, 591,
];

/// The same for DejaVu Sans Bold.
const NEGRITA: [u16; 191] = [
    348, 456, 520, 837, 695, 1001, 872, 306, 457, 457, 522, 837, 379, 415, 379, 365, 695, 695, 695,
    695, 695, 695, 695, 695, 695, 695, 399, 399, 837, 837, 837, 580, 1000, 773, 762, 733, 830, 683,
    683, 820, 836, 372, 372, 774, 637, 995, 836, 850, 732, 850, 770, 720, 682, 812, 773, 1103, 770,
    724, 725, 457, 365, 457, 837, 500, 500, 674, 715, 592, 715, 678, 435, 715, 711, 342, 342, 665,
    342, 1041, 711, 687, 715, 715, 493, 595, 478, 711, 651, 923, 645, 651, 582, 711, 365, 711, 837,
    348, 456, 695, 695, 636, 695, 365, 500, 500, 1000, 563, 645, 837, 415, 1000, 500, 500, 837,
    437, 437, 500, 735, 636, 379, 500, 437, 563, 645, 1035, 1035, 1035, 580, 773, 773, 773, 773,
    773, 773, 1084, 733, 683, 683, 683, 683, 372, 372, 372, 372, 837, 836, 850, 850, 850, 850, 850,
    837, 850, 812, 812, 812, 812, 724, 737, 719, 674, 674, 674, 674, 674, 674, 1047, 592, 678, 678,
    678, 678, 342, 342, 342, 342, 687, 711, 687, 687, 687, 687, 687, 837, 687, 711, 711, 711, 711,
    651, 715, 651,
];

/// The width of a character outside the table (a wide letter: more than most).
const OTRO: u16 = 1000;

/// Word's and LibreOffice's default left and right margins of a table cell, together, in
/// twentieths of a point (0.19 cm each), and room for the cell's borders.
pub(super) const MARGENES_CELDA: usize = 216 + 40;

/// The width of `c`, in thousandths of an em.
fn ancho_letra(c: char, negrita: bool) -> u16 {
    let tabla = if negrita { &NEGRITA } else { &NORMAL };
    let i = match c as u32 {
        n @ 0x20..=0x7E => n - 0x20,
        n @ 0xA0..=0xFF => n - 0xA0 + 95,
        _ => return OTRO,
    };
    tabla[i as usize]
}

/// The width, in twentieths of a point, of the widest word of `texto` printed at `tam`
/// half-points: words are cut by spaces and line breaks, never by a no-break space.
pub(super) fn palabra_mas_ancha(texto: &str, tam: usize, negrita: bool) -> usize {
    texto
        .split([' ', '\n'])
        .map(|p| {
            let milesimas: usize = p
                .chars()
                .map(|c| usize::from(ancho_letra(c, negrita)))
                .sum();
            // Thousandths of an em × (tam / 2) points × 20 twentieths of a point, and a fiftieth
            // more: a word that only just fits is broken by the rounding of a layout.
            milesimas * tam * 10 * 51 / 50 / 1000
        })
        .max()
        .unwrap_or(0)
}
