using System.Globalization;
using System.Xml;

namespace SocialCard.Core.Rosters;

/// <summary>The row key column an annotation writes: its index, the header row, and the text cells (key header and keys).</summary>
internal sealed record XlsxKeyColumn(int Column, int HeaderRow, IReadOnlyDictionary<(int Row, int Column), string> Values);

/// <summary>
/// Rewrites the clerk's data sheet node by node (XmlReader → XmlWriter, nothing held but the current node):
/// annotated cells get their new format, cells that still carry an earlier annotation get their format
/// back, annotated cells that do not exist yet (an empty 性别, say) are created in column order, and the
/// sheet's &lt;legacyDrawing&gt; is set, added or dropped. With a <see cref="XlsxKeyColumn"/>, the row keys are
/// written as text into their (hidden) column and stale keys of other rows are dropped. Everything else is copied
/// as it is.
/// </summary>
internal sealed class XlsxSheetAnnotator
{
    // CT_Worksheet elements that come after <legacyDrawing>; it is inserted before the first of them.
    private static readonly HashSet<string> AfterLegacyDrawing =
        ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst", "AlternateContent"];

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new System.Text.UTF8Encoding(false),
        CloseOutput = false,
        NewLineHandling = NewLineHandling.Entitize, // keep a cell's CR as &#xD;, not a rewritten line break
    };

    private readonly XmlReader reader;
    private readonly XmlWriter writer;
    private readonly SortedDictionary<int, SortedDictionary<int, CellEdit>> targets = [];
    private readonly IReadOnlyDictionary<uint, uint> revert;
    private readonly string? legacyDrawingId;
    private readonly XlsxKeyColumn? keys;
    private SortedDictionary<int, CellEdit>? rowTargets;
    private string prefix = "";
    private bool legacyDrawingWritten;
    private bool keyColumnDeclared;

    private XlsxSheetAnnotator(XmlReader reader, XmlWriter writer, IReadOnlyDictionary<(int Row, int Column), uint> styles, IReadOnlyDictionary<uint, uint> revert, string? legacyDrawingId, XlsxKeyColumn? keys)
    {
        this.reader = reader;
        this.writer = writer;
        this.revert = revert;
        this.legacyDrawingId = legacyDrawingId;
        this.keys = keys;
        foreach (var ((row, column), style) in styles)
        {
            SetTarget(row, column, e => e with { Style = style });
        }

        foreach (var ((row, column), text) in keys?.Values ?? new Dictionary<(int, int), string>())
        {
            SetTarget(row, column, e => e with { Text = text });
        }

        keyColumnDeclared = keys is null;
    }

    /// <summary>A cell's new format (null: keep) and new text (null: keep the content).</summary>
    private readonly record struct CellEdit(uint? Style, string? Text);

    private void SetTarget(int row, int column, Func<CellEdit, CellEdit> change)
    {
        if (!targets.TryGetValue(row, out var cells))
        {
            targets[row] = cells = [];
        }

        cells[column] = change(cells.TryGetValue(column, out var edit) ? edit : default);
    }

    /// <param name="styles">The new format of every annotated cell.</param>
    /// <param name="revert">Earlier annotation formats → the formats they replaced.</param>
    /// <param name="legacyDrawingId">The relationship id of the comment drawing, or null for none.</param>
    /// <param name="keys">The row key column to write, or null.</param>
    public static void Rewrite(Stream source, Stream target, IReadOnlyDictionary<(int Row, int Column), uint> styles, IReadOnlyDictionary<uint, uint> revert, string? legacyDrawingId, XlsxKeyColumn? keys = null)
    {
        using var reader = XmlReader.Create(source, XlsxXml.ReaderSettings);
        using var writer = XmlWriter.Create(target, Settings);
        new XlsxSheetAnnotator(reader, writer, styles, revert, legacyDrawingId, keys).Run();
    }

    private void Run()
    {
        var inSheetData = false;
        var lastRow = 0;
        var lastColumn = -1;
        var read = reader.Read();
        while (read)
        {
            var advance = true;
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.Depth == 0:
                    prefix = reader.Prefix;
                    CopyStart();
                    break;
                case XmlNodeType.Element when reader.Depth == 1 && reader.LocalName == "legacyDrawing":
                    WriteLegacyDrawing();
                    reader.Skip();
                    advance = false;
                    break;
                case XmlNodeType.Element when reader.Depth == 1 && AfterLegacyDrawing.Contains(reader.LocalName):
                    WriteLegacyDrawing();
                    CopyStart();
                    break;
                case XmlNodeType.Element when reader.Depth == 1 && reader.LocalName == "cols":
                    var emptyCols = reader.IsEmptyElement;
                    CopyStart(closeEmpty: false);
                    if (emptyCols)
                    {
                        DeclareKeyColumn();
                        writer.WriteEndElement();
                    }

                    break;
                case XmlNodeType.Element when reader.Depth == 2 && reader.LocalName == "col" && !keyColumnDeclared:
                    var min = XlsxSheetSurvey.ParseInt(reader.GetAttribute("min")) ?? 0;
                    var max = XlsxSheetSurvey.ParseInt(reader.GetAttribute("max")) ?? min;
                    if (min <= keys!.Column + 1 && keys.Column + 1 <= max)
                    {
                        keyColumnDeclared = true; // the sheet already formats that column: leave it as it is
                    }
                    else if (min > keys.Column + 1)
                    {
                        DeclareKeyColumn(); // <col> elements stay in column order
                    }

                    CopyStart();
                    break;
                case XmlNodeType.Element when reader.Depth == 1 && reader.LocalName == "sheetData":
                    if (!keyColumnDeclared)
                    {
                        writer.WriteStartElement(prefix, "cols", XlsxXml.MainNs);
                        DeclareKeyColumn();
                        writer.WriteEndElement();
                    }

                    inSheetData = !reader.IsEmptyElement;
                    CopyStart(closeEmpty: false);
                    if (!inSheetData)
                    {
                        EmitRowsBefore(int.MaxValue);
                        writer.WriteEndElement();
                    }

                    break;
                case XmlNodeType.Element when inSheetData && reader.Depth == 2 && reader.LocalName == "row":
                    lastRow = XlsxSheetSurvey.ParseInt(reader.GetAttribute("r")) ?? lastRow + 1;
                    lastColumn = -1;
                    EmitRowsBefore(lastRow);
                    rowTargets = targets.Remove(lastRow, out var cells) ? cells : null;
                    var empty = reader.IsEmptyElement;
                    CopyStart(dropSpans: rowTargets is not null, closeEmpty: false);
                    if (empty)
                    {
                        EmitCellsBefore(lastRow, int.MaxValue);
                        writer.WriteEndElement();
                    }

                    break;
                case XmlNodeType.Element when inSheetData && reader.Depth == 3 && reader.LocalName == "c":
                    var parsed = XlsxCellRef.ColumnOf(reader.GetAttribute("r"));
                    lastColumn = parsed >= 0 ? parsed : lastColumn + 1;
                    EmitCellsBefore(lastRow, lastColumn);
                    CellEdit edit = default;
                    var edited = rowTargets is not null && rowTargets.Remove(lastColumn, out edit);
                    if (edited && edit.Text is { } text)
                    {
                        WriteTextCell(lastRow, lastColumn, edit.Style ?? XlsxSheetSurvey.ParseUInt(reader.GetAttribute("s")), text);
                        reader.Skip();
                        advance = false;
                    }
                    else if (keys is not null && lastColumn == keys.Column && lastRow > keys.HeaderRow)
                    {
                        reader.Skip(); // a key from an earlier download that no longer belongs to this row
                        advance = false;
                    }
                    else
                    {
                        CopyStart(style: NewStyle(edited ? edit.Style : null));
                    }

                    break;
                case XmlNodeType.Element:
                    CopyStart();
                    break;
                case XmlNodeType.EndElement:
                    if (inSheetData && reader.Depth == 2 && reader.LocalName == "row")
                    {
                        EmitCellsBefore(lastRow, int.MaxValue);
                    }
                    else if (reader.Depth == 1 && reader.LocalName == "sheetData")
                    {
                        EmitRowsBefore(int.MaxValue);
                        inSheetData = false;
                    }
                    else if (reader.Depth == 1 && reader.LocalName == "cols")
                    {
                        DeclareKeyColumn();
                    }
                    else if (reader.Depth == 0)
                    {
                        WriteLegacyDrawing();
                    }

                    writer.WriteEndElement();
                    break;
                default:
                    CopyOther();
                    break;
            }

            read = advance ? reader.Read() : !reader.EOF;
        }
    }

    /// <summary>The format for the current cell: its annotation, or its format before an earlier annotation, or unchanged (null).</summary>
    private string? NewStyle(uint? annotated)
    {
        if (annotated is { } style)
        {
            return style.ToString(CultureInfo.InvariantCulture);
        }

        return XlsxSheetSurvey.ParseUInt(reader.GetAttribute("s")) is { } s && revert.TryGetValue(s, out var original)
            ? original.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Creates the annotated rows the sheet lacks, up to (not including) <paramref name="row"/>.</summary>
    private void EmitRowsBefore(int row)
    {
        while (targets.Count > 0 && targets.First().Key < row)
        {
            var (number, cells) = targets.First();
            targets.Remove(number);
            writer.WriteStartElement(prefix, "row", XlsxXml.MainNs);
            writer.WriteAttributeString("r", number.ToString(CultureInfo.InvariantCulture));
            rowTargets = cells;
            EmitCellsBefore(number, int.MaxValue);
            writer.WriteEndElement();
        }
    }

    /// <summary>Creates the annotated cells the current row lacks, left of <paramref name="column"/>.</summary>
    private void EmitCellsBefore(int row, int column)
    {
        while (rowTargets is { Count: > 0 } && rowTargets.First().Key < column)
        {
            var (c, edit) = rowTargets.First();
            rowTargets.Remove(c);
            if (edit.Text is { } text)
            {
                WriteTextCell(row, c, edit.Style, text);
                continue;
            }

            writer.WriteStartElement(prefix, "c", XlsxXml.MainNs);
            writer.WriteAttributeString("r", XlsxCellRef.Ref(row, c));
            writer.WriteAttributeString("s", (edit.Style ?? 0).ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
        }
    }

    /// <summary>Writes a cell holding <paramref name="text"/> as an inline string (never a formula or number).</summary>
    private void WriteTextCell(int row, int column, uint? style, string text)
    {
        writer.WriteStartElement(prefix, "c", XlsxXml.MainNs);
        writer.WriteAttributeString("r", XlsxCellRef.Ref(row, column));
        if (style is { } s)
        {
            writer.WriteAttributeString("s", s.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteAttributeString("t", "inlineStr");
        writer.WriteStartElement(prefix, "is", XlsxXml.MainNs);
        writer.WriteStartElement(prefix, "t", XlsxXml.MainNs);
        writer.WriteString(XlsxText.Escape(SpreadsheetText.Neutralise(text)));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>Hides the key column (a &lt;col&gt; of its own), once.</summary>
    private void DeclareKeyColumn()
    {
        if (keyColumnDeclared)
        {
            return;
        }

        keyColumnDeclared = true;
        var n = (keys!.Column + 1).ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(prefix, "col", XlsxXml.MainNs);
        writer.WriteAttributeString("min", n);
        writer.WriteAttributeString("max", n);
        writer.WriteAttributeString("width", "30");
        writer.WriteAttributeString("hidden", "1");
        writer.WriteAttributeString("customWidth", "1");
        writer.WriteEndElement();
    }

    private void WriteLegacyDrawing()
    {
        if (legacyDrawingId is null || legacyDrawingWritten)
        {
            return;
        }

        legacyDrawingWritten = true;
        writer.WriteStartElement(prefix, "legacyDrawing", XlsxXml.MainNs);
        writer.WriteAttributeString("r", "id", XlsxXml.RelNs, legacyDrawingId);
        writer.WriteEndElement();
    }

    /// <summary>Copies the current start tag (and closes it if empty), optionally replacing s or dropping spans.</summary>
    private void CopyStart(string? style = null, bool dropSpans = false, bool closeEmpty = true)
    {
        var empty = reader.IsEmptyElement;
        writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
        if (style is null && !dropSpans)
        {
            writer.WriteAttributes(reader, true);
        }
        else
        {
            var wroteStyle = false;
            for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
            {
                if (reader.NamespaceURI.Length == 0 && reader.LocalName == "s" && style is not null)
                {
                    writer.WriteAttributeString("s", style);
                    wroteStyle = true;
                }
                else if (!(dropSpans && reader.NamespaceURI.Length == 0 && reader.LocalName == "spans"))
                {
                    writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value);
                }
            }

            reader.MoveToElement();
            if (style is not null && !wroteStyle)
            {
                writer.WriteAttributeString("s", style);
            }
        }

        if (empty && closeEmpty)
        {
            writer.WriteEndElement();
        }
    }

    private void CopyOther()
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.Text:
                writer.WriteString(reader.Value);
                break;
            case XmlNodeType.Whitespace:
            case XmlNodeType.SignificantWhitespace:
                writer.WriteWhitespace(reader.Value);
                break;
            case XmlNodeType.CDATA:
                writer.WriteCData(reader.Value);
                break;
            case XmlNodeType.XmlDeclaration:
                if (reader.GetAttribute("standalone") is { } standalone)
                {
                    writer.WriteStartDocument(standalone == "yes");
                }
                else
                {
                    writer.WriteStartDocument();
                }

                break;
            case XmlNodeType.ProcessingInstruction:
                writer.WriteProcessingInstruction(reader.Name, reader.Value);
                break;
            case XmlNodeType.Comment:
                writer.WriteComment(reader.Value);
                break;
        }
    }
}
