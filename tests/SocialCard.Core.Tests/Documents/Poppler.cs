using System.Diagnostics;

namespace SocialCard.Core.Tests.Documents;

/// <summary>Runs poppler-utils (Debian package poppler-utils) on a PDF written to a temporary file.</summary>
internal static class Poppler
{
    /// <summary>Renders every page with <c>pdftoppm -png -r 50</c> and returns the number of PNGs.</summary>
    public static int RenderPageCount(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("socialcard-pdf-");
        try
        {
            var file = Path.Combine(dir.FullName, "doc.pdf");
            File.WriteAllBytes(file, pdf);
            Run("pdftoppm", "-png", "-r", "50", file, Path.Combine(dir.FullName, "page"));
            return dir.GetFiles("page*.png").Length;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static string Text(byte[] pdf) => WithFile(pdf, file => Run("pdftotext", "-enc", "UTF-8", file, "-"));

    public static string Fonts(byte[] pdf) => WithFile(pdf, file => Run("pdffonts", file));

    /// <summary>The document information <c>pdfinfo</c> prints (Title, Creator, Producer, Pages …).</summary>
    public static string Info(byte[] pdf) => WithFile(pdf, file => Run("pdfinfo", "-enc", "UTF-8", file));

    private static string WithFile(byte[] pdf, Func<string, string> action)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            return action(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is missing: install the Debian package poppler-utils.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {stderr}");
            return stdout.Result;
        }
    }
}
