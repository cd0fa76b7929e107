using System.Diagnostics;
using SocialCard.Core.Photos;
using SocialCard.Core.Validation;
using Xunit.Abstractions;

namespace SocialCard.Core.Tests.Photos;

/// <summary>
/// Reports (does not assert) the inspection speed on one thread, for the ≥ 500 checks per second per core target.
/// Run in Release for a meaningful number: dotnet test -c Release --filter PhotoInspectionSpeed.
/// </summary>
public class PhotoInspectionSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public void Inspecting_1000_photos_is_timed()
    {
        var inspector = new PhotoInspector(TestImages.Codec);
        var photos = Enumerable.Range(1, 10).Select(seed => DrawnFigures.Jpeg(new DrawnFigureOptions { Seed = seed })).ToArray();
        for (var i = 0; i < 300; i++)
        {
            inspector.Inspect(photos[i % photos.Length]); // warm up: library load, tiered JIT reaching optimised code
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var findings = 0;
        for (var i = 0; i < 1000; i++)
        {
            findings += inspector.Inspect(photos[i % photos.Length]).Findings.Count(f => f.Code != RuleCodes.PhotoNotPhotograph);
        }

        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal(0, findings); // drawn figures: only flagged as not a photograph
        output.WriteLine(
            $"1000 inspections in {watch.Elapsed.TotalMilliseconds:F0} ms: {1000 / watch.Elapsed.TotalSeconds:F0} per second on one thread, " +
            $"{allocated / 1000 / 1024.0:F1} KB managed allocation per inspection");
    }
}
