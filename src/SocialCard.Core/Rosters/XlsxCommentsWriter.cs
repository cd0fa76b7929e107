using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace SocialCard.Core.Rosters;

/// <summary>A comment the portal adds: its cell and its lines ("CODE：message").</summary>
internal sealed record XlsxNewComment(int Row, int Column, IReadOnlyList<string> Lines);

/// <summary>
/// Writes the legacy comments part and the VML drawing that Excel and LibreOffice need to show the notes.
/// Both are streamed, since a badly broken roster can carry a comment on every row.
/// </summary>
internal static class XlsxCommentsWriter
{
    private const string VmlNs = "urn:schemas-microsoft-com:vml";
    private const string OfficeNs = "urn:schemas-microsoft-com:office:office";
    private const string ExcelNs = "urn:schemas-microsoft-com:office:excel";

    /// <summary>VML shape ids come in blocks of 1024 per o:idmap entry.</summary>
    private const int BlockSize = 1024;

    public static void WriteComments(Stream target, IReadOnlyList<string> existingAuthors, IEnumerable<XElement> kept, IEnumerable<XlsxNewComment> added)
    {
        var authors = existingAuthors.ToList();
        var ours = authors.IndexOf(XlsxFindingText.Author);
        if (ours < 0)
        {
            authors.Add(XlsxFindingText.Author);
            ours = authors.Count - 1;
        }

        using var w = XmlWriter.Create(target, XlsxXml.WriterSettings);
        w.WriteStartDocument(true);
        w.WriteStartElement("comments", XlsxXml.MainNs);
        w.WriteStartElement("authors", XlsxXml.MainNs);
        foreach (var author in authors)
        {
            w.WriteElementString("author", XlsxXml.MainNs, XlsxText.Escape(author));
        }

        w.WriteEndElement();
        w.WriteStartElement("commentList", XlsxXml.MainNs);
        foreach (var comment in kept)
        {
            comment.WriteTo(w);
        }

        foreach (var c in added)
        {
            w.WriteStartElement("comment", XlsxXml.MainNs);
            w.WriteAttributeString("ref", XlsxCellRef.Ref(c.Row, c.Column));
            w.WriteAttributeString("authorId", ours.ToString(CultureInfo.InvariantCulture));
            w.WriteStartElement("text", XlsxXml.MainNs);
            w.WriteStartElement("r", XlsxXml.MainNs);
            w.WriteStartElement("rPr", XlsxXml.MainNs);
            Val(w, "sz", "9");
            Val(w, "rFont", "宋体");
            Val(w, "charset", "134");
            w.WriteEndElement();
            w.WriteStartElement("t", XlsxXml.MainNs);
            w.WriteAttributeString("xml", "space", null, "preserve");
            w.WriteString(XlsxText.Escape(string.Join('\n', c.Lines)));
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <param name="firstBlock">The first o:idmap block no other drawing of the workbook uses.</param>
    /// <param name="keptBlocks">The blocks of the preserved shapes, still claimed.</param>
    /// <param name="notes">Every comment box: cell and an estimate of its text length.</param>
    public static void WriteDrawing(Stream target, int firstBlock, IReadOnlyList<int> keptBlocks, IEnumerable<XElement> preserved, IReadOnlyList<(int Row, int Column, int Length)> notes)
    {
        var blocks = (notes.Count + BlockSize - 2) / (BlockSize - 1);
        var idmap = keptBlocks.Concat(Enumerable.Range(firstBlock, Math.Max(1, blocks))).Distinct();

        using var w = XmlWriter.Create(target, XlsxXml.WriterSettings);
        w.WriteStartElement("xml");
        w.WriteAttributeString("xmlns", "v", null, VmlNs);
        w.WriteAttributeString("xmlns", "o", null, OfficeNs);
        w.WriteAttributeString("xmlns", "x", null, ExcelNs);
        w.WriteStartElement("o", "shapelayout", OfficeNs);
        w.WriteAttributeString("v", "ext", VmlNs, "edit");
        w.WriteStartElement("o", "idmap", OfficeNs);
        w.WriteAttributeString("v", "ext", VmlNs, "edit");
        w.WriteAttributeString("data", string.Join(',', idmap.Select(b => b.ToString(CultureInfo.InvariantCulture))));
        w.WriteEndElement();
        w.WriteEndElement();
        WriteNoteShapeType(w);
        foreach (var element in preserved)
        {
            element.WriteTo(w);
        }

        for (var i = 0; i < notes.Count; i++)
        {
            var id = ((firstBlock + (i / (BlockSize - 1))) * BlockSize) + 1 + (i % (BlockSize - 1));
            WriteNote(w, id, i + 1, notes[i]);
        }

        w.WriteEndElement();
    }

    private static void Val(XmlWriter w, string name, string value)
    {
        w.WriteStartElement(name, XlsxXml.MainNs);
        w.WriteAttributeString("val", value);
        w.WriteEndElement();
    }

    private static void WriteNoteShapeType(XmlWriter w)
    {
        w.WriteStartElement("v", "shapetype", VmlNs);
        w.WriteAttributeString("id", XlsxExistingDrawing.NoteShapeType);
        w.WriteAttributeString("coordsize", "21600,21600");
        w.WriteAttributeString("o", "spt", OfficeNs, "202");
        w.WriteAttributeString("path", "m,l,21600r21600,l21600,xe");
        w.WriteStartElement("v", "stroke", VmlNs);
        w.WriteAttributeString("joinstyle", "miter");
        w.WriteEndElement();
        w.WriteStartElement("v", "path", VmlNs);
        w.WriteAttributeString("gradientshapeok", "t");
        w.WriteAttributeString("o", "connecttype", OfficeNs, "rect");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>A hidden comment box to the right of its cell, tall enough for its text (about 20 characters a line).</summary>
    private static void WriteNote(XmlWriter w, int id, int z, (int Row, int Column, int Length) note)
    {
        var row0 = note.Row - 1;
        var top = Math.Max(0, row0 - 1);
        var rows = Math.Clamp((note.Length / 20) + 2, 3, 30);
        var inv = CultureInfo.InvariantCulture;
        w.WriteStartElement("v", "shape", VmlNs);
        w.WriteAttributeString("id", "_x0000_s" + id.ToString(inv));
        w.WriteAttributeString("type", "#" + XlsxExistingDrawing.NoteShapeType);
        w.WriteAttributeString("style", string.Create(inv, $"position:absolute;margin-left:80pt;margin-top:{top * 15}pt;width:220pt;height:{rows * 15}pt;z-index:{z};visibility:hidden"));
        w.WriteAttributeString("fillcolor", "#ffffe1");
        w.WriteAttributeString("o", "insetmode", OfficeNs, "auto");
        Empty(w, "v", "fill", VmlNs, ("color2", "#ffffe1"));
        Empty(w, "v", "shadow", VmlNs, ("on", "t"), ("color", "black"), ("obscured", "t"));
        w.WriteStartElement("v", "path", VmlNs);
        w.WriteAttributeString("o", "connecttype", OfficeNs, "none");
        w.WriteEndElement();
        w.WriteStartElement("v", "textbox", VmlNs);
        w.WriteAttributeString("style", "mso-direction-alt:auto");
        Empty(w, null, "div", null, ("style", "text-align:left"));
        w.WriteEndElement();
        w.WriteStartElement("x", "ClientData", ExcelNs);
        w.WriteAttributeString("ObjectType", "Note");
        Empty(w, "x", "MoveWithCells", ExcelNs);
        Empty(w, "x", "SizeWithCells", ExcelNs);
        w.WriteElementString("x", "Anchor", ExcelNs, string.Create(inv, $"{note.Column + 1}, 15, {top}, 10, {note.Column + 5}, 15, {top + rows}, 4"));
        w.WriteElementString("x", "AutoFill", ExcelNs, "False");
        w.WriteElementString("x", "Row", ExcelNs, row0.ToString(inv));
        w.WriteElementString("x", "Column", ExcelNs, note.Column.ToString(inv));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Empty(XmlWriter w, string? prefix, string name, string? ns, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement(prefix, name, ns);
        foreach (var (n, v) in attributes)
        {
            w.WriteAttributeString(n, v);
        }

        w.WriteEndElement();
    }
}
