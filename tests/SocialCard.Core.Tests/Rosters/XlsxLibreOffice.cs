using System.Diagnostics;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>
/// Runs LibreOffice headless to convert a workbook (xlsx, csv, pdf). Each call gets its own user profile
/// so parallel tests do not share one. A missing soffice fails the test with the install command.
/// </summary>
internal static class XlsxLibreOffice
{
    public const string InstallHint = "apt-get install -y libreoffice-calc-nogui";

    /// <summary>Where render checks leave PNGs for a person to look at.</summary>
    public const string ReviewFolder = "/tmp/roster-review";

    public static string Soffice =>
        new[] { "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists)
        ?? throw new Xunit.Sdk.XunitException($"LibreOffice (soffice) is not installed; run: {InstallHint}");

    /// <summary>Converts <paramref name="input"/> into <paramref name="outDir"/>; returns the output path.</summary>
    /// <param name="filter">A target such as "xlsx", "pdf" or "csv:Text - txt - csv (StarCalc):44,34,76,1".</param>
    public static string Convert(string input, string filter, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var profile = Path.Combine(Path.GetTempPath(), "lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output) = Run(Soffice, ["-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, input]);
            var extension = filter.Split(':')[0];
            var result = Path.Combine(outDir, Path.GetFileNameWithoutExtension(input) + "." + extension);
            Assert.True(code == 0, $"soffice exited with {code}: {output}");
            Assert.True(File.Exists(result), $"soffice wrote no {result}: {output}");
            return result;
        }
        finally
        {
            TryDelete(profile);
        }
    }

    /// <summary>Renders the first page of a PDF as a PNG at 60 dpi (poppler's pdftoppm); returns the PNG path.</summary>
    public static string RenderFirstPage(string pdf, string pngPrefix)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pngPrefix)!);
        var (code, output) = Run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, pngPrefix]);
        Assert.True(code == 0, $"pdftoppm exited with {code}: {output} (apt-get install -y poppler-utils)");
        return pngPrefix + ".png";
    }

    public static string NewTempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "roster-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static (int Code, string Output) Run(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{file} did not finish in 3 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
