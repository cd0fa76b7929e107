using System.Diagnostics;
using System.Globalization;
using SocialCard.Benchmarks.Photos;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Fixing;
using SocialCard.Core.Photos.Jpeg;

// Console harness for the photo checks and the fixer (issue item 8). One measurement per process, so each peak
// working set belongs to that measurement. Single-threaded loops: the rates are per core. Run through
// benchmarks/run-photos.sh.
//   checks [COUNT]         COUNT compliant + COUNT faulty drawn photos (default 1000 each), inspected without and with face geometry
//   camera DIR [COUNT]     writes COUNT 3000 × 4000 camera portraits (default 200) into DIR
//   fix DIR                fixes every camera-*.jpg in DIR
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case "checks":
        return Checks(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
    case "camera" when args.Length >= 2:
        var clock = Stopwatch.StartNew();
        var (files, source) = CameraPortraits.Write(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200);
        Console.WriteLine($"camera portraits: {files.Count} × {CameraPortraits.Width}×{CameraPortraits.Height} in {clock.Elapsed.TotalSeconds:0} s, " +
            $"{files.Sum(f => new FileInfo(f).Length) / files.Count / 1024} KB each on average; source: {source}");
        return 0;
    case "fix" when args.Length >= 2:
        return Fix(args[1]);
    default:
        Console.Error.WriteLine("usage: checks [COUNT] | camera DIR [COUNT] | fix DIR");
        return 2;
}

static int Checks(int count)
{
    var clock = Stopwatch.StartNew();
    var faults = new[] { Fault.Shifted, Fault.Scaled, Fault.GreyBackground, Fault.Cmyk, Fault.WrongDpi, Fault.Oversize };
    var compliant = new byte[count][];
    var faulty = new byte[count][];
    Parallel.For(0, count, i =>
    {
        compliant[i] = FigureGenerator.Photo(i, Fault.None);
        faulty[i] = FigureGenerator.Photo(100_000 + i, faults[i % faults.Length]);
    });
    var all = compliant.Concat(faulty).ToArray();
    Console.WriteLine($"generated {count} compliant and {count} faulty photos ({string.Join(", ", faults)}) in {clock.Elapsed.TotalSeconds:0.0} s; " +
        $"compliant {compliant.Min(p => p.Length) / 1024.0:0.0}–{compliant.Max(p => p.Length) / 1024.0:0.0} KB");

    var codec = new JpegCodec();
    var plain = new PhotoInspector(codec);
    var withGeometry = new PhotoInspector(codec, PhotoSpec.Default, new SocialCard.Core.Photos.Faces.FaceGeometry(SocialCard.Core.Photos.Faces.FaceCascades.Load(SocialCard.Core.Photos.Faces.FaceCascades.DefaultDirectory)));

    // Warm-up: tiered JIT reaching optimised code, as in a running server.
    for (var i = 0; i < 300; i++)
    {
        plain.Inspect(all[i % all.Length]);
    }

    for (var i = 0; i < 40; i++)
    {
        withGeometry.Inspect(all[(i * 37) % all.Length]);
    }

    // Tiered compilation promotes the warm-up's hot methods in the background once no new code is
    // being jitted; give it that moment so the timed loop measures optimised code, not the JIT.
    Thread.Sleep(500);
    GC.Collect();
    var before = Process.GetCurrentProcess().WorkingSet64;

    var (plainAll, plainAccepted) = Time(plain, all);
    var (plainCompliant, _) = Time(plain, compliant);
    var (plainFaulty, _) = Time(plain, faulty);
    Console.WriteLine($"spec checks without geometry: {Rate(all.Length, plainAll)} photos/s per core over all {all.Length} " +
        $"({Rate(count, plainCompliant)}/s compliant, {Rate(count, plainFaulty)}/s faulty; {1000 * plainAll / all.Length:0.00} ms each); accepted {plainAccepted} ({count} compliant; shifted and scaled figures pass without geometry)");

    var (geoAll, geoAccepted) = Time(withGeometry, all);
    Console.WriteLine($"spec checks with geometry: {Rate(all.Length, geoAll)} photos/s per core over all {all.Length} " +
        $"({1000 * geoAll / all.Length:0.0} ms each); accepted {geoAccepted}");

    var findings = all.Take(count).Concat(faulty).Select(p => withGeometry.Inspect(p))
        .SelectMany(r => r.Findings.Where(f => f.Severity == SocialCard.Core.Validation.Severity.Error).Select(f => f.Code))
        .GroupBy(c => c).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
    Console.WriteLine("errors found with geometry: " + string.Join(", ", findings));
    Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB (before the timed loops: {before / 1024 / 1024} MB)");
    return 0;

    static (double Seconds, int Accepted) Time(PhotoInspector inspector, byte[][] photos)
    {
        var accepted = 0;
        var watch = Stopwatch.StartNew();
        foreach (var photo in photos)
        {
            accepted += inspector.Inspect(photo).IsAcceptable ? 1 : 0;
        }

        return (watch.Elapsed.TotalSeconds, accepted);
    }
}

static int Fix(string directory)
{
    var files = Directory.GetFiles(directory, "camera-*.jpg").Order().ToArray();
    if (files.Length == 0)
    {
        Console.Error.WriteLine($"no camera-*.jpg in {directory}");
        return 1;
    }

    var fixer = new PhotoFixer(new JpegCodec(), new SocialCard.Core.Photos.Faces.FaceGeometry(SocialCard.Core.Photos.Faces.FaceCascades.Load(SocialCard.Core.Photos.Faces.FaceCascades.DefaultDirectory)));
    for (var i = 0; i < Math.Min(3, files.Length); i++)
    {
        fixer.Fix(File.ReadAllBytes(files[i])); // warm-up
    }

    // Tiered compilation promotes the warm-up's hot methods in the background once no new code is
    // being jitted; give it that moment so the timed loop measures optimised code, not the JIT.
    Thread.Sleep(500);
    GC.Collect();
    var before = Process.GetCurrentProcess().WorkingSet64;
    var times = new List<double>(files.Length);
    var results = new List<PhotoFixResult>(files.Length);
    var total = Stopwatch.StartNew();
    var timed = TimeSpan.Zero;
    foreach (var file in files)
    {
        var bytes = File.ReadAllBytes(file);
        var watch = Stopwatch.StartNew();
        var result = fixer.Fix(bytes);
        watch.Stop();
        timed += watch.Elapsed;
        times.Add(watch.Elapsed.TotalMilliseconds);
        results.Add(result);
    }

    total.Stop();
    times.Sort();
    var fixedCount = results.Count(r => r.Fixed);
    Console.WriteLine($"fixes of {files.Length} camera portraits (3000×4000): {Rate(files.Length, timed.TotalSeconds)} fixes/s per core; " +
        $"median {times[times.Count / 2]:0} ms, p95 {times[(int)(times.Count * 0.95)]:0} ms, max {times[^1]:0} ms (file reading excluded)");
    Console.WriteLine($"fixed {fixedCount}/{files.Length}; needing review (a measurement near a limit) {results.Count(r => r.Fixed && r.Inspection!.NeedsReview)}; " +
        "not fixed: " + string.Join(", ", results.Where(r => !r.Fixed).GroupBy(r => r.Problem).Select(g => $"{g.Key} {g.Count()}")));
    var near = results.Where(r => r.Fixed).SelectMany(r => r.Inspection!.Measurements.Where(m => m.NearLimit).Select(m => m.Name))
        .GroupBy(n => n).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
    Console.WriteLine("near-limit measurements of the fixed photos: " + string.Join(", ", near));
    var framings = results.Where(r => r.Framing is not null).Select(r => r.Framing!).ToList();
    if (framings.Count > 0)
    {
        Console.WriteLine("DCT scale for resampling: " + string.Join(", ", framings.GroupBy(f => f.DecodeScale).OrderBy(g => g.Key).Select(g => $"1/{g.Key} ×{g.Count()}")) +
            $"; refined {framings.Count(f => f.Refined)}; padded {framings.Count(f => f.Padded != ImageEdges.None)}");
        var qualities = results.Where(r => r.Quality is not null).Select(r => r.Quality!.Value).ToList();
        Console.WriteLine($"quality {qualities.Min()}–{qualities.Max()} (70: {qualities.Count(q => q == 70)}); size " +
            $"{results.Where(r => r.Bytes is not null).Min(r => r.Bytes!.Length) / 1024.0:0.0}–{results.Where(r => r.Bytes is not null).Max(r => r.Bytes!.Length) / 1024.0:0.0} KB; " +
            $"eyes x {Range(results, PhotoMeasures.EyesX)}, eye line {Range(results, PhotoMeasures.EyeLine)}, face width {Range(results, PhotoMeasures.FaceWidth)}");
    }

    // The fixed photos show a real face (the drawn figures of "checks" have cartoon eyes the cascade does not
    // find): the geometry check timed on them too.
    var real = results.Where(r => r.Bytes is not null).Select(r => r.Bytes!).ToList();
    if (real.Count > 0)
    {
        var watch = Stopwatch.StartNew();
        var accepted = real.Count(photo => fixer.Inspector.Inspect(photo).IsAcceptable);
        Console.WriteLine($"spec checks with geometry on the {real.Count} fixed photos (a real face, eyes found): " +
            $"{Rate(real.Count, watch.Elapsed.TotalSeconds)} photos/s per core ({1000 * watch.Elapsed.TotalSeconds / real.Count:0.0} ms each); accepted {accepted}");
    }

    foreach (var refusal in results.Where(r => !r.Fixed).Select(r => r.Refusal).Distinct().Take(3))
    {
        Console.WriteLine("  " + refusal);
    }

    Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB (before the timed loop: {before / 1024 / 1024} MB)");
    return 0;

    static string Range(List<PhotoFixResult> results, string name)
    {
        var values = results.Where(r => r.Fixed).Select(r => r.Inspection!.GetMeasurement(name)?.Value).OfType<double>().ToList();
        return values.Count == 0 ? "-" : $"{values.Min():0}–{values.Max():0}";
    }
}

static string Rate(int count, double seconds) => (count / seconds).ToString("0.0", CultureInfo.InvariantCulture);
