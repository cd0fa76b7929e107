using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace SocialCard.Core.Rosters;

/// <summary>
/// The data sheet's existing comments, streamed: the authors in order (their positions are the authorIds,
/// so they are kept as they are), the clerk's comments to keep, and how many are dropped — the portal's
/// own from an earlier annotation, and any comment on a cell that gets a new annotation.
/// </summary>
internal sealed class XlsxExistingComments
{
    public List<string> Authors { get; } = [];

    public List<(int Row, int Column, XElement Comment)> Kept { get; } = [];

    public int Removed { get; private set; }

    public static XlsxExistingComments Read(Stream? commentsXml, IReadOnlySet<(int Row, int Column)> annotatedCells)
    {
        var result = new XlsxExistingComments();
        if (commentsXml is null)
        {
            return result;
        }

        using var reader = XmlReader.Create(commentsXml, XlsxXml.ReaderSettings);
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "author")
            {
                result.Authors.Add(reader.ReadElementContentAsString());
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "comment")
            {
                var comment = (XElement)XNode.ReadFrom(reader);
                var author = XlsxSheetSurvey.ParseInt((string?)comment.Attribute("authorId")) is { } a && a < result.Authors.Count ? result.Authors[a] : null;
                var ok = XlsxCellRef.TryParse((string?)comment.Attribute("ref"), out var row, out var column);
                if (!ok || author == XlsxFindingText.Author || annotatedCells.Contains((row, column)))
                {
                    result.Removed++;
                }
                else
                {
                    result.Kept.Add((row, column, comment));
                }
            }
            else
            {
                reader.Read();
            }
        }

        return result;
    }
}

/// <summary>
/// The VML drawing that shows the data sheet's comments. Comment boxes (Note shapes) are always rebuilt;
/// anything else in it (form controls, other shapes) is kept as it is. Excel has written VML that is not
/// well-formed XML; such a drawing cannot be kept and is rebuilt with the comment boxes only.
/// </summary>
internal sealed partial class XlsxExistingDrawing
{
    public const string NoteShapeType = "_x0000_t202";

    public List<XElement> Preserved { get; } = [];

    /// <summary>The shape-id blocks (o:idmap data) this drawing claims.</summary>
    public List<int> Blocks { get; } = [];

    public static XlsxExistingDrawing Read(Stream vml)
    {
        var result = new XlsxExistingDrawing();
        try
        {
            using var reader = XmlReader.Create(vml, XlsxXml.ReaderSettings);
            reader.MoveToContent();
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
                {
                    var element = (XElement)XNode.ReadFrom(reader);
                    if (element.Name.LocalName == "shapelayout")
                    {
                        result.Blocks.AddRange(element.Descendants().Where(e => e.Name.LocalName == "idmap").SelectMany(e => ParseBlocks((string?)e.Attribute("data"))));
                    }
                    else if (!IsNote(element))
                    {
                        result.Preserved.Add(element);
                    }
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException)
        {
            result.Preserved.Clear();
        }

        return result;
    }

    /// <summary>Only the id blocks of a drawing, read from its first lines.</summary>
    public static IEnumerable<int> ReadBlocks(Stream vml)
    {
        using var text = new StreamReader(vml);
        var head = new char[4096];
        var n = text.ReadBlock(head, 0, head.Length);
        return IdMap().Match(new string(head, 0, n)) is { Success: true } m ? ParseBlocks(m.Groups[1].Value) : [];
    }

    private static bool IsNote(XElement element) =>
        (element.Name.LocalName == "shapetype" && (string?)element.Attribute("id") == NoteShapeType)
        || (element.Name.LocalName == "shape" && element.Descendants().Any(e => e.Name.LocalName == "ClientData" && (string?)e.Attribute("ObjectType") == "Note"));

    private static IEnumerable<int> ParseBlocks(string? data) =>
        (data ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : -1)
            .Where(b => b >= 0)
            .ToList();

    [GeneratedRegex("idmap[^>]*?data\\s*=\\s*[\"']([0-9,\\s]*)[\"']")]
    private static partial Regex IdMap();
}
