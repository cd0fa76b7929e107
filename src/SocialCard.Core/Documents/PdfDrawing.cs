using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SocialCard.Core.Documents.Fonts;

namespace SocialCard.Core.Documents;

/// <summary>Shared helpers of the document writers: millimetres, ruled cells, tick boxes, the document itself.</summary>
internal static class PdfDrawing
{
    public static readonly XPen Thin = new(XColors.Black, 0.5);
    public static readonly XPen Hair = new(XColors.Black, 0.3);
    public static readonly XPen Dashed = new(XColors.Gray, 0.5) { DashStyle = XDashStyle.Dash };

    public static double Mm(double mm) => mm * 72 / 25.4;

    public static PdfDocument NewDocument(string title)
    {
        _ = DocumentFonts.Chain; // registers the fonts and PDFsharp's licence before the first XFont
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "SocialCard";
        return document;
    }

    public static PdfPage AddA4(PdfDocument document, bool landscape = false)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(landscape ? 297 : 210);
        page.Height = XUnit.FromMillimeter(landscape ? 210 : 297);
        return page;
    }

    /// <summary>A ruled cell with its text.</summary>
    public static void Cell(XGraphics gfx, TextRuns text, XRect box, string? value, double size, XStringAlignment align = XStringAlignment.Near, bool bold = false)
    {
        gfx.DrawRectangle(Thin, box);
        text.DrawInBox(gfx, value, size, box, align, bold, padding: 3);
    }

    /// <summary>An empty square to tick, centred in <paramref name="box"/>.</summary>
    public static void TickBox(XGraphics gfx, XRect box, double side)
    {
        gfx.DrawRectangle(Thin, box.X + ((box.Width - side) / 2), box.Y + ((box.Height - side) / 2), side, side);
    }

    /// <summary>A horizontal line to write on, from <paramref name="x"/> for <paramref name="width"/>, at <paramref name="y"/>.</summary>
    public static void Blank(XGraphics gfx, double x, double y, double width) => gfx.DrawLine(Hair, x, y, x + width, y);

    public static void Save(PdfDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        document.Save(output, closeStream: false);
    }
}
