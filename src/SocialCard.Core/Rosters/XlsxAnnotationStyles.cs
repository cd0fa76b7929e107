using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Rosters;

/// <summary>
/// Adds the annotation formats to the clerk's stylesheet without touching existing ones: each annotated
/// cell gets a copy of its own cell format with only the fill changed, so text format "@", borders, fonts
/// and locking stay. Formats of an earlier annotation (recognised by the portal's fill colours) are mapped
/// back to the format they were copied from, so fixed cells lose their red on the next upload.
/// </summary>
internal sealed class XlsxAnnotationStyles
{
    private readonly Stylesheet stylesheet;
    private readonly List<CellFormat> formats;
    private readonly Dictionary<string, int> formatsByXml = new(StringComparer.Ordinal);
    private readonly Dictionary<(uint Base, Severity Severity), uint> annotated = [];

    private XlsxAnnotationStyles(Stylesheet stylesheet)
    {
        this.stylesheet = stylesheet;
        EnsureMinimum(stylesheet);
        formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        for (var i = formats.Count - 1; i >= 0; i--)
        {
            formatsByXml[formats[i].OuterXml] = i;
        }

        Revert = BuildRevertMap();
    }

    /// <summary>Earlier annotation format → the format it was copied from.</summary>
    public IReadOnlyDictionary<uint, uint> Revert { get; }

    /// <summary>A bold format for the 错误清单 header row.</summary>
    public uint HeaderFormat { get; private set; }

    /// <summary>A wrapping, top-aligned format for the 错误清单 explanations.</summary>
    public uint WrapFormat { get; private set; }

    public static XlsxAnnotationStyles Prepare(Stylesheet stylesheet)
    {
        var styles = new XlsxAnnotationStyles(stylesheet);
        styles.HeaderFormat = styles.FindOrAdd(new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center })
        {
            FontId = styles.BoldFont(),
            FillId = 0,
            BorderId = 0,
            NumberFormatId = 0,
            ApplyFont = true,
            ApplyAlignment = true,
        });
        styles.WrapFormat = styles.FindOrAdd(new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
        {
            FontId = 0,
            FillId = 0,
            BorderId = 0,
            NumberFormatId = 0,
            ApplyAlignment = true,
        });
        return styles;
    }

    /// <summary>The format to give a cell whose current format is <paramref name="current"/> for a finding of <paramref name="severity"/>.</summary>
    public uint Annotated(uint current, Severity severity)
    {
        var original = Revert.TryGetValue(current, out var r) ? r : current;
        if (original >= formats.Count)
        {
            original = 0;
        }

        if (annotated.TryGetValue((original, severity), out var index))
        {
            return index;
        }

        var xf = (CellFormat)formats[(int)original].CloneNode(true);
        xf.FillId = FillFor(XlsxFindingText.Fill(severity));
        xf.ApplyFill = true;
        index = FindOrAdd(xf);
        annotated[(original, severity)] = index;
        return index;
    }

    /// <summary>Writes the counts back; call once after the last <see cref="Annotated"/>.</summary>
    public void Complete()
    {
        stylesheet.CellFormats!.Count = (uint)formats.Count;
        stylesheet.Fills!.Count = (uint)stylesheet.Fills.ChildElements.Count;
        stylesheet.Fonts!.Count = (uint)stylesheet.Fonts.ChildElements.Count;
    }

    private Dictionary<uint, uint> BuildRevertMap()
    {
        var fills = stylesheet.Fills!.Elements<Fill>().ToList();
        bool IsAnnotation(CellFormat xf) => xf.FillId?.Value is { } f && f < fills.Count
            && fills[(int)f].PatternFill?.ForegroundColor?.Rgb?.Value is { } rgb && XlsxFindingText.IsAnnotationFill(rgb);

        var map = new Dictionary<uint, uint>();
        var annotations = Enumerable.Range(0, formats.Count).Where(i => IsAnnotation(formats[i])).ToList();
        if (annotations.Count == 0)
        {
            return map;
        }

        // The lowest-numbered plain format with the same XML apart from the fill is the one it was copied from.
        var plainByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = formats.Count - 1; i >= 0; i--)
        {
            if (!IsAnnotation(formats[i]))
            {
                plainByKey[WithoutFill(formats[i])] = i;
            }
        }

        foreach (var i in annotations)
        {
            if (!plainByKey.TryGetValue(WithoutFill(formats[i]), out var original))
            {
                var plain = (CellFormat)formats[i].CloneNode(true);
                plain.FillId = 0;
                plain.ApplyFill = null;
                original = (int)Add(plain);
            }

            map[(uint)i] = (uint)original;
        }

        return map;
    }

    /// <summary>A format's XML without its fill, to find the format an annotation copy was made from.</summary>
    private static string WithoutFill(CellFormat xf)
    {
        var copy = (CellFormat)xf.CloneNode(true);
        copy.FillId = null;
        copy.ApplyFill = null;
        return copy.OuterXml;
    }

    private uint FillFor(string argb)
    {
        var fills = stylesheet.Fills!.Elements<Fill>().ToList();
        var existing = fills.FindIndex(f => f.PatternFill?.PatternType?.Value == PatternValues.Solid
            && string.Equals(f.PatternFill.ForegroundColor?.Rgb?.Value, argb, StringComparison.OrdinalIgnoreCase));
        if (existing >= 0)
        {
            return (uint)existing;
        }

        stylesheet.Fills.Append(XlsxTemplateStyles.SolidFill(argb));
        return (uint)fills.Count;
    }

    private uint BoldFont()
    {
        var fonts = stylesheet.Fonts!.Elements<Font>().ToList();
        var bold = (Font)fonts[0].CloneNode(true);
        if (bold.Bold is null)
        {
            bold.InsertAt(new Bold(), 0);
        }

        var existing = fonts.FindIndex(f => f.OuterXml == bold.OuterXml);
        if (existing >= 0)
        {
            return (uint)existing;
        }

        stylesheet.Fonts.Append(bold);
        return (uint)fonts.Count;
    }

    private uint FindOrAdd(CellFormat xf) => formatsByXml.TryGetValue(xf.OuterXml, out var existing) ? (uint)existing : Add(xf);

    private uint Add(CellFormat xf)
    {
        stylesheet.CellFormats!.Append(xf);
        formats.Add(xf);
        formatsByXml.TryAdd(xf.OuterXml, formats.Count - 1);
        return (uint)(formats.Count - 1);
    }

    /// <summary>A workbook without fonts, fills or cell formats is legal; give it Excel's defaults first.</summary>
    private static void EnsureMinimum(Stylesheet stylesheet)
    {
        if (stylesheet.Fonts is null || !stylesheet.Fonts.HasChildren)
        {
            var fonts = stylesheet.Fonts ?? Insert(stylesheet, new Fonts());
            fonts.Append(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }));
        }

        if (stylesheet.Fills is null || stylesheet.Fills.ChildElements.Count < 2)
        {
            var fills = stylesheet.Fills ?? Insert(stylesheet, new Fills());
            fills.RemoveAllChildren();
            fills.Append(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        }

        if (stylesheet.Borders is null || !stylesheet.Borders.HasChildren)
        {
            var borders = stylesheet.Borders ?? Insert(stylesheet, new Borders());
            borders.Append(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()));
        }

        if (stylesheet.CellFormats is null || !stylesheet.CellFormats.HasChildren)
        {
            var xfs = stylesheet.CellFormats ?? Insert(stylesheet, new CellFormats());
            xfs.Append(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 });
        }
    }

    /// <summary>Inserts a stylesheet collection in schema order (numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, …).</summary>
    private static T Insert<T>(Stylesheet stylesheet, T element)
        where T : OpenXmlElement
    {
        var order = new[] { typeof(NumberingFormats), typeof(Fonts), typeof(Fills), typeof(Borders), typeof(CellStyleFormats), typeof(CellFormats) };
        var position = Array.IndexOf(order, typeof(T));
        var before = stylesheet.ChildElements.LastOrDefault(e => Array.IndexOf(order, e.GetType()) is var p && p >= 0 && p < position);
        if (before is null)
        {
            stylesheet.PrependChild(element);
        }
        else
        {
            stylesheet.InsertAfter(element, before);
        }

        return element;
    }
}
