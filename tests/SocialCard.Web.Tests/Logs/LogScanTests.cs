using System.Text.RegularExpressions;
using SocialCard.Core.Persons;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Logs;

/// <summary>
/// Runs after the rest of the suite (scripts/test.sh runs the "LogScan" category last) and reads every
/// log file the test apps wrote: no valid ID number and no test person's name may appear unmasked, and masked
/// ones must be there, which proves the scan read logs that did carry them.
/// </summary>
[Trait("Category", "LogScan")]
public sealed partial class LogScanTests
{
    [Fact]
    public void Logs_written_by_the_suite_hold_no_unmasked_ID_number()
    {
        var files = SuiteLogFiles();

        var leaks = new List<string>();
        var masked = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            masked += MaskedId().Count(text);
            foreach (Match candidate in IdLike().Matches(text))
            {
                var parsed = CitizenId.Parse(candidate.Value);
                if (parsed.IsValid || parsed.Converted18 is not null)
                {
                    leaks.Add($"{Path.GetFileName(file)}: {CitizenId.Mask(candidate.Value)} at offset {candidate.Index}");
                }
            }
        }

        Assert.True(leaks.Count == 0, "Unmasked ID numbers in logs:\n" + string.Join("\n", leaks.Take(20)));
        Assert.True(masked > 0, "No masked ID number found in the logs: the suite's ID-bearing requests did not reach the log files.");
    }

    [Fact]
    public void Logs_written_by_the_suite_hold_no_test_persons_name()
    {
        var files = SuiteLogFiles();

        var texts = files.Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList();
        var leaks = texts.Where(t => t.Text.Contains(NameLogTests.Name, StringComparison.Ordinal)).Select(t => t.Name).ToList();
        Assert.True(leaks.Count == 0, $"The test name {NameLogTests.Name} appears unmasked in:\n" + string.Join("\n", leaks.Take(20)));
        Assert.True(
            texts.Any(t => t.Text.Contains(NameLogTests.MaskedName, StringComparison.Ordinal)),
            $"No masked name ({NameLogTests.MaskedName}) in the logs: the suite's name-bearing requests (Logs/NameLogTests) did not reach the log files.");
    }

    private static string[] SuiteLogFiles()
    {
        var files = Directory.GetFiles(TestEnvironment.LogsDirectory, "*.json");
        Assert.True(files.Length > 0, $"No log files in {TestEnvironment.LogsDirectory}: run the whole suite first (scripts/test.sh does).");
        return files;
    }

    [GeneratedRegex(@"(?<![0-9])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])")]
    private static partial Regex IdLike();

    [GeneratedRegex(@"[0-9]{6}\*{8}[0-9]{3}[0-9X]")]
    private static partial Regex MaskedId();
}
