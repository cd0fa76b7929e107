using System.Text.RegularExpressions;
using SocialCard.Core.Persons;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Logs;

/// <summary>
/// Runs after the rest of the suite (scripts/test.sh runs the "LogScan" category last) and reads every
/// log file the test apps wrote: no valid ID number may appear unmasked, and masked ones must be there,
/// which proves the scan read logs that did carry ID numbers.
/// </summary>
[Trait("Category", "LogScan")]
public sealed partial class LogScanTests
{
    [Fact]
    public void Logs_written_by_the_suite_hold_no_unmasked_ID_number()
    {
        var files = Directory.GetFiles(TestEnvironment.LogsDirectory, "*.json");
        Assert.True(files.Length > 0, $"No log files in {TestEnvironment.LogsDirectory}: run the whole suite first (scripts/test.sh does).");

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

    [GeneratedRegex(@"(?<![0-9])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])")]
    private static partial Regex IdLike();

    [GeneratedRegex(@"[0-9]{6}\*{8}[0-9]{3}[0-9X]")]
    private static partial Regex MaskedId();
}
