using System.Diagnostics;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>
/// Legacy .xls files for tests: the .xlsx the builder writes, converted by LibreOffice (soffice --headless).
/// A machine without LibreOffice fails the test with the command that installs it; the test never skips.
/// </summary>
internal static class RosterBuilderXls
{
    private const string Install = "apt-get install -y libreoffice-calc-nogui";

    public static byte[] Convert(byte[] xlsx)
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);
        Assert.True(soffice is not null, $"LibreOffice (soffice) is needed to build .xls test files: {Install}");

        var dir = Directory.CreateTempSubdirectory("roster-xls-");
        try
        {
            var input = Path.Combine(dir.FullName, "roster.xlsx");
            File.WriteAllBytes(input, xlsx);

            // A private profile: parallel runs (and a user's open LibreOffice) would otherwise share and lock one.
            var profile = new Uri(Path.Combine(dir.FullName, "profile")).AbsoluteUri;
            var start = new ProcessStartInfo(soffice!)
            {
                ArgumentList = { $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "xls", "--outdir", dir.FullName, input },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("soffice did not finish converting to .xls within 90 s");
            }

            var result = Path.Combine(dir.FullName, "roster.xls");
            Assert.True(
                process.ExitCode == 0 && File.Exists(result),
                $"soffice failed (exit {process.ExitCode}): {output.Result} {errors.Result}. Is LibreOffice Calc installed? {Install}");
            return File.ReadAllBytes(result);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
