//! Tests of the branding checks: colours, logo sniffing, the size limit
//! and the SVG refusals (each active construct on its own).

use super::*;

const SVG: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<!-- Exported by a design tool -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#0af"/></linearGradient></defs>
  <rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/>
  <text x="1" y="8">Northwind &#169; Condition</text>
</svg>"##;

#[test]
fn accent_colours_are_checked_and_written_long() {
    assert_eq!(parse_accent("#0AF").as_deref(), Some("#00aaff"));
    assert_eq!(parse_accent(" #1f6FEB ").as_deref(), Some("#1f6feb"));
    for bad in [
        "0af", "#0afx", "#12345", "#1234567", "blue", "#", "", "#ggg",
    ] {
        assert_eq!(parse_accent(bad), None, "{bad}");
    }
}

#[test]
fn accents_are_made_readable_in_both_modes_keeping_their_hue() {
    for accent in [
        "#ffeb3b", "#00aaff", "#1f6feb", "#000080", "#111111", "#ffffff", "#e69f00",
    ] {
        for bg in [LIGHT_BACKGROUND, DARK_BACKGROUND, "#ffffff", "#12161e"] {
            let mode_bg = if bg == "#ffffff" || bg == LIGHT_BACKGROUND {
                LIGHT_BACKGROUND
            } else {
                DARK_BACKGROUND
            };
            let c = readable_on(accent, mode_bg);
            let ratio = contrast_ratio(&c, bg).unwrap();
            assert!(ratio >= MIN_CONTRAST, "{accent} -> {c} on {bg}: {ratio:.2}");
        }
    }
    // Already readable: unchanged.
    assert_eq!(readable_on("#0b5cad", LIGHT_BACKGROUND), "#0b5cad");
    // Darkened towards black: the channels keep their proportions.
    let dark_yellow = readable_on("#ffeb3b", LIGHT_BACKGROUND);
    let [r, g, b] = rgb(&dark_yellow).unwrap();
    assert!(r > b && g > b && r >= g, "{dark_yellow}");
    // Lightened for dark mode.
    let navy = readable_on("#000080", DARK_BACKGROUND);
    assert!(luminance(rgb(&navy).unwrap()) > luminance([0.0, 0.0, 128.0]));
}

#[test]
fn png_jpeg_and_svg_are_recognised_by_content() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let logo = embed_logo(png).unwrap();
    assert_eq!(logo.mime, "image/png");
    assert_eq!(
        logo.data_uri,
        format!("data:image/png;base64,{}", base64(png))
    );
    assert_eq!(
        embed_logo(&[0xFF, 0xD8, 0xFF, 0xE0]).unwrap().mime,
        "image/jpeg"
    );
    assert_eq!(embed_logo(SVG.as_bytes()).unwrap().mime, "image/svg+xml");
    for not_an_image in [
        &b"GIF89a..."[..],
        b"<html><svg></svg></html>",
        b"",
        b"<svgx/>",
    ] {
        assert_eq!(embed_logo(not_an_image), Err(LogoError::UnknownFormat));
    }
}

#[test]
fn a_logo_over_the_limit_is_refused() {
    let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
    big.resize(MAX_LOGO_BYTES + 1, 0);
    assert!(matches!(embed_logo(&big), Err(LogoError::TooLarge { .. })));
    big.truncate(MAX_LOGO_BYTES);
    assert!(embed_logo(&big).is_ok());
}

#[test]
fn active_svg_is_refused() {
    let active = [
        "<script>alert(1)</script>",
        "<SCRIPT>alert(1)</SCRIPT>",
        r#"<rect onload="alert(1)"/>"#,
        r#"<rect  ONCLICK = "x"/>"#,
        r#"<a href="javascript:alert(1)"><rect/></a>"#,
        r#"<a href="&#106;avascript:alert(1)"><rect/></a>"#,
        r#"<a href="&#x6A;avascript:alert(1)"><rect/></a>"#,
        r#"<image href="https://example.com/track.png"/>"#,
        r#"<image xlink:href = 'http://x/y.png'/>"#,
        r#"<image href="data:image/svg+xml;base64,PHN2Zz4="/>"#,
        r#"<rect style="fill:url(https://x/y)"/>"#,
        "<style>@import 'x.css';</style>",
        "<foreignObject><div/></foreignObject>",
        r#"<set attributeName="href" to="x"/>"#,
        r#"<animate attributeName="href" values="x"/>"#,
        "<iframe/>",
    ];
    for body in active {
        let svg = format!("<svg xmlns=\"http://www.w3.org/2000/svg\">{body}</svg>");
        assert!(
            matches!(embed_logo(svg.as_bytes()), Err(LogoError::ActiveSvg { .. })),
            "accepted: {body}"
        );
    }
    let doctype = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x \"y\">]><svg></svg>";
    assert!(embed_logo(doctype.as_bytes()).is_err());
}

#[test]
fn plain_svg_features_are_not_mistaken_for_active_ones() {
    let ok = r##"<svg xmlns="http://www.w3.org/2000/svg"><g id="icon" transform="rotate(10)">
        <text>Version one on top</text><image href="data:image/png;base64,iVBOR"/>
        <a href="#icon"><circle r="1"/></a></g></svg>"##;
    assert!(embed_logo(ok.as_bytes()).is_ok());
}

#[test]
fn base64_matches_rfc_4648_vectors() {
    let vectors = [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ];
    for (plain, encoded) in vectors {
        assert_eq!(base64(plain.as_bytes()), encoded);
    }
    assert_eq!(base64(&[0xFF, 0xFE, 0x00]), "//4A");
}

#[test]
fn numeric_references_decode_and_others_stay() {
    assert_eq!(
        decode_char_refs("a&#98;c&#x64;&amp;&#;&#xZ"),
        "abcd&amp;&#;&#xZ"
    );
}
