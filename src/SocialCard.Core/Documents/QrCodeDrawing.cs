using PdfSharp.Drawing;
using QRCoder;

namespace SocialCard.Core.Documents;

/// <summary>Draws a QR code as filled rectangles (QRCoder's module matrix; no bitmap, no System.Drawing).</summary>
public static class QrCodeDrawing
{
    /// <summary>Draws the code with its 4-module quiet zone into the square at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static void Draw(XGraphics gfx, string payload, double x, double y, double size)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        ArgumentException.ThrowIfNullOrEmpty(payload);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            var column = 0;
            while (column < bits.Length)
            {
                if (!bits[column])
                {
                    column++;
                    continue;
                }

                // One rectangle per horizontal run of dark modules; a hair wider to close seams between rows.
                var start = column;
                while (column < bits.Length && bits[column])
                {
                    column++;
                }

                gfx.DrawRectangle(XBrushes.Black, x + (start * module), y + (row * module), ((column - start) * module) + 0.05, module + 0.05);
            }
        }
    }
}
