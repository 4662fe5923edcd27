//! Spelling help: "¿quiso decir …?" suggestions and the accent- and case-insensitive comparison
//! that Spanish names need (`Girón` = `GIRON` = `giron`).

/// Lower case without Spanish accents or diaeresis, with runs of white space folded to one space.
pub fn fold(text: &str) -> String {
    let mapped: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            other => other,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The candidate closest to `given`, if it is close enough to be what was meant.
pub fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let given = fold(given);
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&given, &fold(c)), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Candidates ordered from closest to farthest, for listing alternatives.
pub fn closest<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let given = fold(given);
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&given, &fold(c)), c))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_suggests() {
        assert_eq!(
            fold("  Santo  DOMINGO de los TSÁCHILAS "),
            "santo domingo de los tsachilas"
        );
        assert_eq!(
            did_you_mean("responsble", ["responsable", "riesgos"]),
            Some("responsable")
        );
        assert_eq!(did_you_mean("xyz", ["responsable", "riesgos"]), None);
    }
}
