using System.Diagnostics;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>Reads the QR code printed on a PDF's first page, as a hall's scanner would: pdftoppm renders it, zbarimg decodes it.</summary>
public static class QrScanner
{
    public static async Task<string> ReadFirstPageAsync(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("socialcard-qr-");
        try
        {
            var file = Path.Combine(dir.FullName, "table.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            await RunAsync("pdftoppm", ["-png", "-r", "200", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(dir.FullName, "page")], "poppler-utils");
            return (await RunAsync("zbarimg", ["--raw", "-q", Path.Combine(dir.FullName, "page.png")], "zbar-tools")).Trim();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string program, string[] args, string package)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start (apt-get install -y {package})");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {await error} (apt-get install -y {package})");
        return await output;
    }
}
