using System.Diagnostics;
using SocialCard.Core.Photos;
using Xunit.Abstractions;

namespace SocialCard.Core.Tests.Photos.Faces;

/// <summary>
/// Reports (does not assert) the time of a full inspection with face geometry of a 358 × 441 photo on one thread,
/// for the target of at least 30 photos per second per core. Meaningful in Release:
/// dotnet test -c Release --filter FaceGeometrySpeed.
/// </summary>
public class FaceGeometrySpeedTests(ITestOutputHelper output)
{
    [Fact]
    public void Inspecting_photos_with_geometry_is_timed()
    {
        var inspector = new PhotoInspector(TestImages.Codec, geometry: SystemCascades.Geometry);
        var photos = new[] { 2.0, 2.2, 2.4, 2.6, 2.8 }
            .SelectMany(scale => new[] { 165.0, 179, 193 }.Select(x => new Framing(scale, x, 215).Jpeg(quality: 70)))
            .ToArray();
        for (var i = 0; i < 30; i++)
        {
            inspector.Inspect(photos[i % photos.Length]); // warm up: tiered JIT reaching optimised code
        }

        const int count = 150;
        var watch = Stopwatch.StartNew();
        var faces = 0;
        for (var i = 0; i < count; i++)
        {
            faces += inspector.Inspect(photos[i % photos.Length]).GetMeasurement(PhotoMeasures.EyesX) is null ? 0 : 1;
        }

        watch.Stop();
        Assert.Equal(count, faces);
        output.WriteLine(
            $"{count} inspections with face geometry in {watch.Elapsed.TotalMilliseconds:F0} ms: " +
            $"{watch.Elapsed.TotalMilliseconds / count:F1} ms per photo, {count / watch.Elapsed.TotalSeconds:F0} photos per second on one thread");
    }
}
