//! `exhibit.pdf`: the bundle as a paginated exhibit. A cover page (who exported it, when, the
//! signing key's fingerprint, what the bundle proves and what it does not), a chronology table,
//! each incident with its disclosed fields, narrative, history and attachments (images drawn
//! when the caller hands their bytes), and a table of every file's SHA-256. Every page carries
//! a page id, Bates style (`VAULT-000001`), with counsel's prefix and first number.
//!
//! Layout is done here in one pass: text is wrapped and placed on pages (measured with the
//! embedded font's own advance widths, looked up once per character in a table), the
//! chronology's page ids written in once the incidents are placed; then each page is drawn with
//! `krilla` from those same glyphs and advances (one glyph per character: no shaping, so what is
//! drawn is exactly what was measured), which embeds only the glyphs used (font subsetting). The font is DejaVu Sans, cut down to Latin, Latin-1
//! and Latin Extended-A with common punctuation (assets/fonts, licence beside it): Spanish and
//! the other Western European languages are covered; any other character is drawn as U+FFFD.

use std::collections::BTreeMap;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::page::{PageLabel, PageSettings};
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Data, Document};

use super::model::{days, msg, View};
use crate::bundle::Error as BundleError;
use crate::i18n::FluentValue;
use crate::Result;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-subset.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold-subset.ttf");

/// US Letter, in points.
const PAGE_W: f32 = 612.0;
const PAGE_H: f32 = 792.0;
const MARGIN: f32 = 54.0;
const TOP: f32 = 54.0;
/// The lowest baseline of body text (the footer sits below it).
const BOTTOM: f32 = PAGE_H - 64.0;
const BODY: f32 = 9.5;
const SMALL: f32 = 8.0;
const HASHES: f32 = 7.5;
const LEADING: f32 = 1.3;
/// Largest image drawn, in points.
const IMAGE_MAX_W: f32 = PAGE_W - 2.0 * MARGIN;
const IMAGE_MAX_H: f32 = 320.0;
/// Most pixels of an image drawn: a 50-megapixel photo, about 200 MB once decoded.
const MAX_PIXELS: u64 = 50_000_000;

/// Page ids: `PREFIX-000001` onwards.
#[derive(Debug, Clone)]
pub struct PageIds {
    pub prefix: String,
    pub start: u64,
}

impl PageIds {
    /// The id of page `index` (0-based).
    pub fn id(&self, index: usize) -> String {
        format!(
            "{}-{:06}",
            self.prefix,
            self.start.saturating_add(index as u64)
        )
    }
}

/// Characters below this are looked up once, when the font is loaded (Latin, punctuation,
/// currency and letter-like symbols): wrapping and drawing measure every character.
const TABLE_LEN: u32 = 0x2200;

/// The glyphs and advance widths of one font, for wrapping and drawing.
struct Metrics {
    face: ttf_parser::Face<'static>,
    per_em: f32,
    /// Glyph id and advance (font units) of each character below [`TABLE_LEN`] the font has.
    table: Vec<Option<(u16, u16)>>,
}

impl Metrics {
    fn new(data: &'static [u8]) -> Result<Metrics> {
        let face = ttf_parser::Face::parse(data, 0).map_err(|e| BundleError::Encode {
            detail: format!("embedded font: {e}"),
        })?;
        let per_em = f32::from(face.units_per_em());
        let table = (0..TABLE_LEN)
            .map(|u| char::from_u32(u).and_then(|c| Self::look_up(&face, c)))
            .collect();
        Ok(Metrics {
            face,
            per_em,
            table,
        })
    }

    /// Glyph id and advance of `c` (600 units when the font gives no advance).
    fn look_up(face: &ttf_parser::Face<'static>, c: char) -> Option<(u16, u16)> {
        let g = face.glyph_index(c)?;
        Some((g.0, face.glyph_hor_advance(g).unwrap_or(600)))
    }

    fn glyph(&self, c: char) -> Option<(u16, u16)> {
        match self.table.get(c as usize) {
            Some(known) => *known,
            None => Self::look_up(&self.face, c),
        }
    }

    fn has(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| self.glyph(c).map_or(600, |(_, a)| u32::from(a)))
            .sum();
        units as f32 * size / self.per_em
    }

    /// One glyph per character, advanced by the widths [`Metrics::width`] measures: what is
    /// drawn is exactly what was measured (no shaping: the font is Latin, with no ligatures the
    /// text needs).
    fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        let notdef = self
            .face
            .glyph_hor_advance(ttf_parser::GlyphId(0))
            .unwrap_or(600);
        text.char_indices()
            .map(|(i, c)| {
                let (g, a) = self.glyph(c).unwrap_or((0, notdef));
                KrillaGlyph::new(
                    GlyphId::new(u32::from(g)),
                    f32::from(a) / self.per_em,
                    0.0,
                    0.0,
                    0.0,
                    i..i + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }
}

/// One thing drawn on a page.
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        /// Boxed: exactly its length, for the millions of lines of a large packet.
        text: Box<str>,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
    },
    Image {
        image: Image,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

/// Places wrapped text on pages.
struct Layout {
    regular: Metrics,
    bold: Metrics,
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl Layout {
    fn new() -> Result<Layout> {
        Ok(Layout {
            regular: Metrics::new(REGULAR)?,
            bold: Metrics::new(BOLD)?,
            pages: vec![Vec::new()],
            y: TOP,
        })
    }

    fn metrics(&self, bold: bool) -> &Metrics {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    fn page(&self) -> usize {
        self.pages.len() - 1
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless this one is still empty.
    fn fresh_page(&mut self) {
        if self.pages.last().is_some_and(|p| !p.is_empty()) {
            self.new_page();
        }
    }

    /// Room for `h` more points on this page, or a new one.
    fn ensure(&mut self, h: f32) {
        if self.y + h > BOTTOM && self.pages.last().is_some_and(|p| !p.is_empty()) {
            self.new_page();
        }
    }

    fn push(&mut self, op: Op) {
        if let Some(p) = self.pages.last_mut() {
            p.push(op);
        }
    }

    /// Text the font can draw: controls become spaces, unknown characters U+FFFD.
    fn clean(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                if c.is_control() {
                    ' '
                } else if self.regular.has(c) {
                    c
                } else {
                    '\u{FFFD}'
                }
            })
            .collect()
    }

    /// Breaks `text` into lines no wider than `width` (words kept whole when they fit).
    fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let m = self.metrics(bold);
        let space = m.width(" ", size);
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let para = self.clean(para);
            let mut line = String::new();
            let mut line_w = 0.0f32;
            for word in para.split(' ') {
                let word_w = m.width(word, size);
                let with = if line.is_empty() {
                    word_w
                } else {
                    line_w + space + word_w
                };
                if with <= width {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    line_w = with;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line is cut where it must be.
                let mut piece = String::new();
                let mut piece_w = 0.0f32;
                for c in word.chars() {
                    let mut buf = [0u8; 4];
                    let cw = m.width(c.encode_utf8(&mut buf), size);
                    if piece_w + cw > width && !piece.is_empty() {
                        lines.push(std::mem::take(&mut piece));
                        piece_w = 0.0;
                    }
                    piece.push(c);
                    piece_w += cw;
                }
                line = piece;
                line_w = piece_w;
            }
            lines.push(line);
        }
        lines
    }

    /// A wrapped paragraph at `x`, `width` wide.
    fn para_at(&mut self, text: &str, size: f32, bold: bool, x: f32, width: f32) {
        let step = size * LEADING;
        for line in self.wrap(text, size, bold, width) {
            self.ensure(step);
            self.y += step;
            if !line.trim().is_empty() {
                self.push(Op::Text {
                    x,
                    y: self.y,
                    size,
                    bold,
                    text: line.into_boxed_str(),
                });
            }
        }
    }

    fn para(&mut self, text: &str) {
        self.para_at(text, BODY, false, MARGIN, PAGE_W - 2.0 * MARGIN);
        self.y += BODY * 0.5;
    }

    fn heading(&mut self, text: &str, size: f32) {
        self.ensure(size * 4.0);
        self.y += size * 0.6;
        self.para_at(text, size, true, MARGIN, PAGE_W - 2.0 * MARGIN);
        self.y += size * 0.4;
    }

    fn rule(&mut self) {
        self.ensure(8.0);
        self.y += 4.0;
        let y = self.y;
        self.push(Op::Line {
            x1: MARGIN,
            y1: y,
            x2: PAGE_W - MARGIN,
            y2: y,
        });
        self.y += 4.0;
    }

    /// Each cell wrapped in its column, and the row's height.
    fn wrap_row(&self, cells: &[(String, f32)], size: f32, bold: bool) -> (Vec<Vec<String>>, f32) {
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .map(|(t, w)| self.wrap(t, size, bold, w - 6.0))
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        (wrapped, lines as f32 * size * LEADING + 3.0)
    }

    /// One row of cells, each wrapped in its column; a row never splits across pages.
    fn row(&mut self, cells: &[(String, f32)], size: f32, bold: bool) {
        let (wrapped, h) = self.wrap_row(cells, size, bold);
        self.ensure(h);
        self.place_row(cells, wrapped, h, size, bold);
    }

    /// Places a row at the current height; returns, for each cell, the index on this page of
    /// its first line's text (none for an empty cell).
    fn place_row(
        &mut self,
        cells: &[(String, f32)],
        wrapped: Vec<Vec<String>>,
        h: f32,
        size: f32,
        bold: bool,
    ) -> Vec<Option<usize>> {
        let step = size * LEADING;
        let top = self.y;
        let mut x = MARGIN;
        let mut first = Vec::with_capacity(cells.len());
        for ((_, w), lines) in cells.iter().zip(wrapped) {
            let mut cell_first = None;
            for (i, line) in lines.into_iter().enumerate() {
                if !line.trim().is_empty() {
                    if cell_first.is_none() {
                        cell_first = self.pages.last().map(Vec::len);
                    }
                    self.push(Op::Text {
                        x,
                        y: top + (i + 1) as f32 * step,
                        size,
                        bold,
                        text: line.into_boxed_str(),
                    });
                }
            }
            first.push(cell_first);
            x += w;
        }
        self.y = top + h;
        self.push(Op::Line {
            x1: MARGIN,
            y1: self.y,
            x2: PAGE_W - MARGIN,
            y2: self.y,
        });
        first
    }

    /// A table: the header row again at the top of every page it runs onto. Returns where
    /// each row's cell in column `mark` was drawn (page, index of its text on the page), for
    /// [`Layout::set_text`].
    fn table(
        &mut self,
        header: &[(String, f32)],
        rows: Vec<Vec<(String, f32)>>,
        size: f32,
        mark: Option<usize>,
    ) -> Vec<Option<(usize, usize)>> {
        let (head, head_h) = self.wrap_row(header, size, true);
        self.ensure(head_h * 3.0);
        self.place_row(header, head.clone(), head_h, size, true);
        let mut marks = Vec::with_capacity(if mark.is_some() { rows.len() } else { 0 });
        for r in rows {
            let (wrapped, h) = self.wrap_row(&r, size, false);
            if self.y + h > BOTTOM {
                self.new_page();
                self.place_row(header, head.clone(), head_h, size, true);
            }
            let first = self.place_row(&r, wrapped, h, size, false);
            if let Some(c) = mark {
                let page = self.page();
                marks.push(first.get(c).copied().flatten().map(|i| (page, i)));
            }
        }
        self.y += BODY * 0.5;
        marks
    }

    /// Replaces the text of an op placed earlier (a table cell of one line, whose width does
    /// not change the layout).
    fn set_text(&mut self, at: (usize, usize), new: String) {
        if let Some(Op::Text { text, .. }) = self.pages.get_mut(at.0).and_then(|p| p.get_mut(at.1))
        {
            *text = new.into_boxed_str();
        }
    }

    /// Label and value side by side; the value wraps in its column.
    fn field(&mut self, label: &str, value: &str) {
        let label_w = 100.0;
        self.row(
            &[
                (label.to_owned(), label_w),
                (value.to_owned(), PAGE_W - 2.0 * MARGIN - label_w),
            ],
            BODY,
            false,
        );
    }

    fn image(&mut self, image: Image) {
        let (pw, ph) = image.size();
        if pw == 0 || ph == 0 {
            return;
        }
        let scale = (IMAGE_MAX_W / pw as f32)
            .min(IMAGE_MAX_H / ph as f32)
            .min(1.0);
        let (w, h) = (pw as f32 * scale, ph as f32 * scale);
        self.ensure(h + 6.0);
        self.y += 3.0;
        let y = self.y;
        self.push(Op::Image {
            image,
            x: MARGIN,
            y,
            w,
            h,
        });
        self.y += h + 3.0;
    }
}

/// What the PDF needs beside the view.
pub struct Inputs<'a> {
    /// Every file of the bundle but the PDF itself and the manifest, with its SHA-256.
    pub files: &'a [(String, String)],
    pub ids: &'a PageIds,
}

/// A laid-out exhibit: where each incident starts, and the pages to draw.
pub struct Laid {
    layout: Layout,
    /// Page index where incident `i` of the view starts.
    pub incident_pages: Vec<usize>,
}

/// Lays out the cover, the chronology and every incident; the hash table comes after
/// ([`finish`]), once the files that cite page ids (chronology, declaration) are written.
///
/// One pass: the chronology's page column is placed with a stand-in, and each row's page id
/// is written in once the incidents are placed (an id never wraps in its column, so the rows
/// are as high with the stand-in as with the id).
pub fn lay_out(view: &View, images: &BTreeMap<String, Vec<u8>>, ids: &PageIds) -> Result<Laid> {
    let lang = view.lang;
    let m = |id: &str| msg(lang, id, &[]);
    let mut l = Layout::new()?;

    // Cover.
    l.heading(&m("bundle-packet-cover-heading"), 16.0);
    l.para(&msg(
        lang,
        "bundle-packet-cover-exported",
        &[
            ("date", FluentValue::from(view.exported_text.clone())),
            ("vault", FluentValue::from(view.vault_id.clone())),
            ("export", FluentValue::from(view.export_id.clone())),
            ("incidents", FluentValue::from(view.incidents.len())),
            ("attachments", FluentValue::from(view.attachment_count)),
        ],
    ));
    if let Some(earlier) = &view.supplements {
        l.para(&msg(
            lang,
            "bundle-packet-cover-supplements",
            &[("export", FluentValue::from(earlier.clone()))],
        ));
    }
    l.heading(
        &format!(
            "{}: {}",
            m("bundle-packet-cover-fingerprint"),
            view.fingerprint
        ),
        BODY + 1.5,
    );
    l.para(&m("bundle-packet-cover-fingerprint-note"));
    l.heading(&m("bundle-packet-proves-heading"), 12.0);
    l.para(&msg(
        lang,
        "bundle-packet-proves",
        &[("size", FluentValue::from(view.checkpoint_size))],
    ));
    l.heading(&m("bundle-packet-not-proves-heading"), 12.0);
    l.para(&m("bundle-packet-not-proves"));
    l.heading(&m("bundle-packet-outside-heading"), 12.0);
    if view.outside_proofs.is_empty() {
        l.para(&m("bundle-packet-outside-none"));
    } else {
        for p in &view.outside_proofs {
            l.para(&msg(
                lang,
                "bundle-packet-outside-item",
                &[
                    ("by", FluentValue::from(p.by.clone())),
                    ("time", FluentValue::from(p.time.clone())),
                    ("covers", FluentValue::from(p.covers.clone())),
                ],
            ));
        }
    }
    l.heading(&m("bundle-packet-verify-heading"), 12.0);
    l.para(&m("bundle-packet-verify"));

    // Chronology.
    l.fresh_page();
    l.heading(&m("bundle-packet-chronology-heading"), 14.0);
    let widths = [190.0, 90.0, 80.0, PAGE_W - 2.0 * MARGIN - 360.0];
    let header: Vec<(String, f32)> = [
        "bundle-packet-col-when",
        "bundle-packet-col-kind",
        "bundle-packet-col-incident",
        "bundle-packet-col-page",
    ]
    .iter()
    .zip(widths)
    .map(|(id, w)| (m(id), w))
    .collect();
    let rows: Vec<Vec<(String, f32)>> = view
        .incidents
        .iter()
        .map(|inc| {
            vec![
                (inc.when_text.clone(), widths[0]),
                (inc.kind_text.clone(), widths[1]),
                (inc.short.clone(), widths[2]),
                ("0".to_owned(), widths[3]),
            ]
        })
        .collect();
    let page_cells = l.table(&header, rows, SMALL, Some(3));

    // Incidents.
    let mut incident_pages = Vec::with_capacity(view.incidents.len());
    for inc in &view.incidents {
        l.ensure(120.0);
        incident_pages.push(l.page());
        l.rule();
        l.heading(
            &msg(
                lang,
                "bundle-packet-incident-heading",
                &[
                    ("id", FluentValue::from(inc.id.clone())),
                    ("revision", FluentValue::from(inc.revision)),
                ],
            ),
            11.0,
        );
        for (label, value) in &inc.rows {
            l.field(label, value);
        }
        match &inc.narrative {
            Some(n) => l.field(crate::record::Field::Narrative.label_in(lang), n),
            None => l.field(
                crate::record::Field::Narrative.label_in(lang),
                &super::model::withheld(lang),
            ),
        }
        l.heading(&m("bundle-packet-history-heading"), BODY);
        for h in &inc.history {
            l.para(h);
        }
        for (n, a) in inc.attachments.iter().enumerate() {
            l.heading(
                &msg(
                    lang,
                    "report-counsel-attachment",
                    &[("n", FluentValue::from(n + 1))],
                ),
                BODY,
            );
            let withheld = super::model::withheld(lang);
            l.field(
                &m("bundle-packet-att-name"),
                a.name.as_deref().unwrap_or(&withheld),
            );
            if let Some(t) = &a.media_type {
                l.field(&m("bundle-packet-att-type"), t);
            }
            let carries = match a.carries.as_str() {
                "original" => "report-counsel-original",
                "stripped" => "report-counsel-stripped",
                _ => "report-counsel-not-included",
            };
            l.field(&m("bundle-packet-att-carries"), &m(carries));
            if let Some(p) = &a.path {
                l.field(&m("bundle-packet-att-path"), p);
            }
            if let Some(h) = &a.file_sha256 {
                l.field(&m("bundle-packet-att-sha"), h);
            }
            if let Some(h) = &a.original_sha256 {
                l.field(&m("bundle-packet-att-original-sha"), h);
            }
            if let Some(t) = &a.taken_at {
                l.field(&m("bundle-packet-att-taken"), t);
            }
            if let Some(d) = a.mismatch {
                l.para(&msg(
                    lang,
                    "bundle-packet-att-mismatch",
                    &[("days", FluentValue::from(days(d)))],
                ));
            }
            for item in &a.identifying {
                l.para(&msg(
                    lang,
                    "bundle-packet-att-identifying",
                    &[("item", FluentValue::from(item.clone()))],
                ));
            }
            if let Some(bytes) = images.get(&a.id) {
                match decode_image(bytes, a.media_type.as_deref()) {
                    Some(img) => l.image(img),
                    None => l.para(&m("bundle-packet-att-no-image")),
                }
            }
        }
        l.y += BODY;
    }
    for (at, page) in page_cells.into_iter().zip(&incident_pages) {
        if let Some(at) = at {
            l.set_text(at, ids.id(*page));
        }
    }
    Ok(Laid {
        layout: l,
        incident_pages,
    })
}

fn decode_image(bytes: &[u8], media_type: Option<&str>) -> Option<Image> {
    let data = Data::from(bytes.to_vec());
    let image = match media_type? {
        "image/jpeg" => Image::from_jpeg(data, true).ok(),
        "image/png" => Image::from_png(data, true).ok(),
        "image/webp" => Image::from_webp(data, true).ok(),
        "image/gif" => Image::from_gif(data, true).ok(),
        _ => None,
    }?;
    // The sizes come from the file's header, which anyone who can attach a file writes: an
    // image claiming more pixels than a camera makes would be decoded into a buffer that large.
    let (w, h) = image.size();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return None;
    }
    // The library reads only the header here and decodes the image when the PDF is written,
    // where one undecodable file would fail the whole packet (and the export): decode it now,
    // alone, and leave it undrawn if that fails.
    let mut trial = Document::new();
    {
        let mut page = trial.start_page_with(PageSettings::from_wh(1.0, 1.0)?);
        let mut surface = page.surface();
        surface.draw_image(image.clone(), Size::from_wh(1.0, 1.0)?);
        surface.finish();
        page.finish();
    }
    trial.finish().ok().map(|_| image)
}

/// Adds the hash table, patches the chronology's page ids in and draws every page.
/// Returns the PDF and its number of pages.
pub fn finish(view: &View, mut laid: Laid, inputs: &Inputs) -> Result<(Vec<u8>, usize)> {
    let lang = view.lang;
    let m = |id: &str| msg(lang, id, &[]);
    let l = &mut laid.layout;
    l.fresh_page();
    l.heading(&m("bundle-packet-hashes-heading"), 14.0);
    l.para(&m("bundle-packet-hashes-note"));
    // A SHA-256 in hex (64 digits) stays on one line at this size: search finds it whole.
    let widths = [150.0, PAGE_W - 2.0 * MARGIN - 150.0];
    let header = vec![
        (m("bundle-packet-col-file"), widths[0]),
        (m("bundle-packet-col-sha"), widths[1]),
    ];
    let rows = inputs
        .files
        .iter()
        .map(|(path, sha)| vec![(path.clone(), widths[0]), (sha.clone(), widths[1])])
        .collect();
    l.table(&header, rows, HASHES, None);

    let count = l.pages.len();
    Ok((draw(view, laid.layout, inputs.ids)?, count))
}

/// Draws every page, dropping each page's laid-out text once it is drawn (at 100,000 incidents
/// the text of some 2.6 million lines would otherwise sit beside the growing document).
fn draw(view: &View, l: Layout, ids: &PageIds) -> Result<Vec<u8>> {
    let regular = Font::new(Data::from(REGULAR), 0).ok_or_else(|| BundleError::Encode {
        detail: "embedded font".into(),
    })?;
    let bold = Font::new(Data::from(BOLD), 0).ok_or_else(|| BundleError::Encode {
        detail: "embedded font".into(),
    })?;
    let total = l.pages.len();
    let mut doc = Document::new();
    let title = msg(
        view.lang,
        "bundle-packet-title",
        &[("export", FluentValue::from(view.export_id.clone()))],
    );
    doc.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title.clone())
            .language(view.lang.tag().to_owned())
            .creator("vault".to_owned()),
    );
    let grey = rgb::Color::new(100, 100, 100);
    let Layout {
        regular: regular_metrics,
        bold: bold_metrics,
        pages,
        ..
    } = l;
    for (i, ops) in pages.into_iter().enumerate() {
        let id = ids.id(i);
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| BundleError::Encode {
                detail: "page size".into(),
            })?
            .with_page_label(PageLabel::new(None, Some(id.clone()), None));
        let mut page = doc.start_page_with(settings);
        let mut s = page.surface();
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    bold: b,
                    text,
                } => {
                    let (font, m) = if b {
                        (bold.clone(), &bold_metrics)
                    } else {
                        (regular.clone(), &regular_metrics)
                    };
                    s.draw_glyphs(
                        Point::from_xy(x, y),
                        &m.glyphs(&text),
                        font,
                        &text,
                        size,
                        false,
                    );
                }
                Op::Line { x1, y1, x2, y2 } => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(x1, y1);
                    pb.line_to(x2, y2);
                    if let Some(path) = pb.finish() {
                        s.set_fill(None);
                        s.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(170, 170, 170).into(),
                            width: 0.5,
                            ..Stroke::default()
                        }));
                        s.draw_path(&path);
                        s.set_stroke(None);
                        s.set_fill(Some(Fill::default()));
                    }
                }
                Op::Image { image, x, y, w, h } => {
                    if let Some(size) = Size::from_wh(w, h) {
                        s.push_transform(&Transform::from_translate(x, y));
                        s.draw_image(image, size);
                        s.pop();
                    }
                }
            }
        }
        // Footer: the export on the left, the page id on the right.
        s.set_fill(Some(Fill {
            paint: grey.into(),
            ..Fill::default()
        }));
        let footer = msg(
            view.lang,
            "bundle-packet-footer",
            &[
                ("export", FluentValue::from(view.export_id.clone())),
                ("n", FluentValue::from(i + 1)),
                ("total", FluentValue::from(total)),
            ],
        );
        s.draw_glyphs(
            Point::from_xy(MARGIN, PAGE_H - 30.0),
            &regular_metrics.glyphs(&footer),
            regular.clone(),
            &footer,
            SMALL,
            false,
        );
        let w = bold_metrics.width(&id, 10.0);
        s.draw_glyphs(
            Point::from_xy(PAGE_W - MARGIN - w, PAGE_H - 30.0),
            &bold_metrics.glyphs(&id),
            bold.clone(),
            &id,
            10.0,
            false,
        );
        s.set_fill(Some(Fill::default()));
        s.finish();
        page.finish();
    }
    doc.finish().map_err(|e| {
        BundleError::Encode {
            detail: format!("PDF: {e:?}"),
        }
        .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_writes_in_the_chronology_the_page_each_incident_starts_on() {
        let (m, records) = crate::bundle::packet::tests::sample(60);
        let view = View::new(&m, &records, &[], crate::i18n::Lang::En);
        let ids = PageIds {
            prefix: "T".into(),
            start: 5,
        };
        let laid = lay_out(&view, &BTreeMap::new(), &ids).unwrap();
        let cells: Vec<&str> = laid
            .layout
            .pages
            .iter()
            .flatten()
            .filter_map(|op| match op {
                Op::Text { text, .. } if text.starts_with("T-") => Some(&**text),
                _ => None,
            })
            .collect();
        let expected: Vec<String> = laid.incident_pages.iter().map(|p| ids.id(*p)).collect();
        assert_eq!(cells, expected);
        assert!(expected.windows(2).any(|w| w[0] != w[1]), "{expected:?}");
        // Each incident's heading is on the page the chronology names.
        for (inc, page) in view.incidents.iter().zip(&laid.incident_pages) {
            assert!(
                laid.layout.pages[*page].iter().any(
                    |op| matches!(op, Op::Text { text, bold: true, .. } if text.contains(&inc.id))
                ),
                "{} not on page {page}",
                inc.id
            );
        }
    }
}
