using System.Globalization;
using System.Xml;

namespace SocialCard.Core.Rosters;

/// <summary>
/// Rewrites the clerk's data sheet node by node (XmlReader → XmlWriter, nothing held but the current node):
/// annotated cells get their new format, cells that still carry an earlier annotation get their format
/// back, annotated cells that do not exist yet (an empty 性别, say) are created in column order, and the
/// sheet's &lt;legacyDrawing&gt; is set, added or dropped. Everything else is copied as it is.
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
    private readonly SortedDictionary<int, SortedDictionary<int, uint>> targets = [];
    private readonly IReadOnlyDictionary<uint, uint> revert;
    private readonly string? legacyDrawingId;
    private SortedDictionary<int, uint>? rowTargets;
    private string prefix = "";
    private bool legacyDrawingWritten;

    private XlsxSheetAnnotator(XmlReader reader, XmlWriter writer, IReadOnlyDictionary<(int Row, int Column), uint> styles, IReadOnlyDictionary<uint, uint> revert, string? legacyDrawingId)
    {
        this.reader = reader;
        this.writer = writer;
        this.revert = revert;
        this.legacyDrawingId = legacyDrawingId;
        foreach (var ((row, column), style) in styles)
        {
            if (!targets.TryGetValue(row, out var cells))
            {
                targets[row] = cells = [];
            }

            cells[column] = style;
        }
    }

    /// <param name="styles">The new format of every annotated cell.</param>
    /// <param name="revert">Earlier annotation formats → the formats they replaced.</param>
    /// <param name="legacyDrawingId">The relationship id of the comment drawing, or null for none.</param>
    public static void Rewrite(Stream source, Stream target, IReadOnlyDictionary<(int Row, int Column), uint> styles, IReadOnlyDictionary<uint, uint> revert, string? legacyDrawingId)
    {
        using var reader = XmlReader.Create(source, XlsxXml.ReaderSettings);
        using var writer = XmlWriter.Create(target, Settings);
        new XlsxSheetAnnotator(reader, writer, styles, revert, legacyDrawingId).Run();
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
                case XmlNodeType.Element when reader.Depth == 1 && reader.LocalName == "sheetData":
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
                    CopyStart(style: NewStyle(lastColumn));
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
    private string? NewStyle(int column)
    {
        if (rowTargets is not null && rowTargets.Remove(column, out var annotated))
        {
            return annotated.ToString(CultureInfo.InvariantCulture);
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
            var (c, style) = rowTargets.First();
            rowTargets.Remove(c);
            writer.WriteStartElement(prefix, "c", XlsxXml.MainNs);
            writer.WriteAttributeString("r", XlsxCellRef.Ref(row, c));
            writer.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndElement();
        }
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
