using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SocialCard.Core.Rosters;

/// <summary>
/// The template's stylesheet. Every data cell is text ("@", number format 49) so that Excel never turns an
/// ID number into 4.30111E+17. Read-only columns are grey and locked, the others unlocked, so that sheet
/// protection stops only accidental edits of the portal's own values.
/// </summary>
internal static class XlsxTemplateStyles
{
    public const uint Header = 1;
    public const uint ReadOnly = 2;
    public const uint Editable = 3;
    public const uint Title = 4;
    public const uint Paragraph = 5;
    public const uint Text = 6;

    /// <summary>Excel's built-in number format "@" (text).</summary>
    public const uint TextFormat = 49;

    public const string HeaderFill = "FFDDEBF7";
    public const string ReadOnlyFill = "FFD9D9D9";

    // 宋体 is the default font of Chinese government templates; viewers without it substitute a CJK font.
    private const string FontName = "宋体";

    public static Stylesheet Create() => new(
        new Fonts(Font(11, bold: false), Font(11, bold: true), Font(14, bold: true)) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            SolidFill(HeaderFill),
            SolidFill(ReadOnlyFill))
        { Count = 4 },
        new Borders(new Border(), ThinBorder()) { Count = 2 },
        new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
            Xf(font: 1, fill: 2, border: 1, locked: true, new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true }),
            Xf(font: 0, fill: 3, border: 0, locked: true),
            Xf(font: 0, fill: 0, border: 0, locked: false),
            new CellFormat { FontId = 2, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyAlignment = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = TextFormat, ApplyNumberFormat = true })
        { Count = 7 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Font Font(double size, bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = FontName }, new FontCharSet { Val = 134 });
        return font;
    }

    public static Fill SolidFill(string argb) => new(new PatternFill(
        new ForegroundColor { Rgb = argb },
        new BackgroundColor { Indexed = 64 })
    { PatternType = PatternValues.Solid });

    private static Border ThinBorder()
    {
        static T Side<T>()
            where T : BorderPropertiesType, new() => new() { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FF8EA9DB" } };

        return new Border(Side<LeftBorder>(), Side<RightBorder>(), Side<TopBorder>(), Side<BottomBorder>(), new DiagonalBorder());
    }

    private static CellFormat Xf(uint font, uint fill, uint border, bool locked, Alignment? alignment = null)
    {
        var xf = new CellFormat
        {
            FontId = font,
            FillId = fill,
            BorderId = border,
            NumberFormatId = TextFormat,
            ApplyFont = font != 0,
            ApplyFill = fill != 0,
            ApplyBorder = border != 0,
            ApplyNumberFormat = true,
            ApplyProtection = true,
        };
        if (alignment is not null)
        {
            xf.Append(alignment);
            xf.ApplyAlignment = true;
        }

        xf.Append(new Protection { Locked = locked });
        return xf;
    }
}
