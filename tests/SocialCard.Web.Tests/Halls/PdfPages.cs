using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace SocialCard.Web.Tests.Halls;

/// <summary>
/// A downloaded PDF rendered with poppler-utils (Debian poppler-utils): every page to a 100 dpi image, its text,
/// its fonts, and pixels read back from the rendered pages (binary PPM, trivially parsed).
/// </summary>
public sealed class PdfPages
{
    public const int Dpi = 100;

    private readonly List<(int Width, int Height, byte[] Rgb)> _pages;

    private PdfPages(List<(int Width, int Height, byte[] Rgb)> pages, string text, string fonts)
    {
        _pages = pages;
        Text = text;
        Fonts = fonts;
    }

    public int Count => _pages.Count;

    public string Text { get; }

    public string Fonts { get; }

    /// <summary>Reads the response as a PDF; with <paramref name="keepFirstPageAs"/> the first page is also saved as a PNG in the test artifacts.</summary>
    public static async Task<PdfPages> ReadAsync(HttpResponseMessage response, string? keepFirstPageAs = null)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var dir = Directory.CreateTempSubdirectory("sc-hallforms-");
        try
        {
            var pdf = Path.Combine(dir.FullName, "forms.pdf");
            await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
            Run("pdftoppm", "-r", Dpi.ToString(CultureInfo.InvariantCulture), pdf, Path.Combine(dir.FullName, "page"));
            var pages = dir.GetFiles("page*.ppm").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => ReadPpm(File.ReadAllBytes(f.FullName))).ToList();
            if (keepFirstPageAs is not null)
            {
                var artifacts = Environment.GetEnvironmentVariable("SOCIALCARD_TEST_ARTIFACTS") is { Length: > 0 } configured
                    ? configured
                    : Path.Combine(AppContext.BaseDirectory, "artifacts");
                Directory.CreateDirectory(artifacts);
                Run("pdftoppm", "-png", "-r", Dpi.ToString(CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(artifacts, keepFirstPageAs));
            }

            return new PdfPages(pages, Run("pdftotext", "-enc", "UTF-8", pdf, "-"), Run("pdffonts", pdf));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The average colour of a square of <paramref name="sizeMm"/> around (<paramref name="xMm"/>, <paramref name="yMm"/>) on a page (0-based).</summary>
    public (int R, int G, int B) AverageColour(int page, double xMm, double yMm, double sizeMm = 3)
    {
        var (width, height, rgb) = _pages[page];
        int Px(double mm) => (int)Math.Round(mm / 25.4 * Dpi);
        long r = 0, g = 0, b = 0, n = 0;
        for (var y = Px(yMm - (sizeMm / 2)); y <= Px(yMm + (sizeMm / 2)); y++)
        {
            for (var x = Px(xMm - (sizeMm / 2)); x <= Px(xMm + (sizeMm / 2)); x++)
            {
                Assert.InRange(x, 0, width - 1);
                Assert.InRange(y, 0, height - 1);
                var i = ((y * width) + x) * 3;
                (r, g, b, n) = (r + rgb[i], g + rgb[i + 1], b + rgb[i + 2], n + 1);
            }
        }

        return ((int)(r / n), (int)(g / n), (int)(b / n));
    }

    /// <summary>Binary PPM (P6, maxval 255) as pdftoppm writes it.</summary>
    private static (int Width, int Height, byte[] Rgb) ReadPpm(byte[] file)
    {
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            return Encoding.ASCII.GetString(file, start, position - start);
        }

        Assert.Equal("P6", Token());
        var width = int.Parse(Token(), CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), CultureInfo.InvariantCulture);
        Assert.Equal("255", Token());
        position++; // the single whitespace before the pixels
        Assert.Equal(width * height * 3, file.Length - position);
        return (width, height, file[position..]);
    }

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install -y poppler-utils)");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), $"{tool} did not finish");
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {errors}");
        return output.Result;
    }
}
