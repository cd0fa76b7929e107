using System.Diagnostics;
using System.Globalization;
using SocialCard.Core.Documents;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos.Jpeg;

// Printed documents benchmark: 1,000 application forms with 1,000 distinct generated photos in one PDF, and a
// 10,000-row summary table. Each is timed after a small warm-up of the same writer (a running server has jitted it).
var forms = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10000;
string[] names = ["张𠀀", "刘䶮", "王堃", "李赟", "阿依古丽·买买提", "陈小明", "赵建国", "孙丽"];

var codec = new JpegCodec();
var generate = Stopwatch.StartNew();
var photos = Enumerable.Range(0, forms).Select(i => Photo(codec, i)).ToList();
Console.WriteLine($"generated {forms:N0} distinct photos ({photos.Sum(p => p.Length) / forms / 1024.0:F1} KB each) in {generate.Elapsed.TotalSeconds:F2} s (not timed below)");

var formList = Enumerable.Range(0, forms).Select(i => new ApplicationForm(
    names[i % names.Length], Id(i), i % 2 == 0 ? Sex.Male : Sex.Female, new DateOnly(1990, 1, 1), "汉族", "13800001234", "410000",
    "湖南省长沙市芙蓉区五一大道" + i + "号", "长沙市某某科技有限公司", "43010012345", "P" + i, "在职", photos[i])).ToList();
var rowList = Enumerable.Range(0, rows).Select(i => new SummaryRow(
    names[i % names.Length], Id(i), i % 2 == 0 ? Sex.Male : Sex.Female, new DateOnly(1990, 1, 1), "汉族",
    "138" + i.ToString("00000000", CultureInfo.InvariantCulture), "湖南省长沙市芙蓉区五一大道" + (i % 500) + "号")).ToList();
var digest = BatchDigest.Compute(rowList.Select(r => new BatchDigestEntry(r.IdNumber, r.Name)));
var table = new SummaryTable("长沙市某某科技有限公司", "43010012345", "2026年第一批", "在职", digest, "SCB-2026-001 " + digest, rowList, new DateOnly(2026, 11, 22));

// Warm-up: 5 forms, 100 rows.
ApplicationFormPdf.Write(Stream.Null, formList.Take(5));
SummaryTablePdf.Write(Stream.Null, table with { Rows = rowList.Take(100).ToList() });

Measure($"{forms:N0} application forms, distinct photos", s => ApplicationFormPdf.Write(s, formList));
Measure($"summary table, {rows:N0} rows", s => SummaryTablePdf.Write(s, table));

static void Measure(string what, Action<Stream> write)
{
    GC.Collect();
    var before = Process.GetCurrentProcess().WorkingSet64;
    using var output = new MemoryStream();
    var watch = Stopwatch.StartNew();
    write(output);
    watch.Stop();
    using var process = Process.GetCurrentProcess();
    Console.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:F2} s, PDF {output.Length / 1048576.0:F1} MB, " +
                      $"peak working set {process.PeakWorkingSet64 / 1048576} MB, before {before / 1048576} MB");
}

static string Id(int i)
{
    var first17 = "430111" + "1990" + "0101" + (i % 1000).ToString("000", CultureInfo.InvariantCulture);
    return first17 + CitizenId.ComputeCheckCharacter(first17);
}

static byte[] Photo(JpegCodec codec, int seed)
{
    const int width = 358, height = 441;
    var pixels = new byte[width * height * 3];
    var random = new Random(seed);
    var cx = 179 + random.Next(-10, 11);
    var radius = 85 + random.Next(0, 20);
    for (var y = 0; y < height; y++)
    {
        for (var x = 0; x < width; x++)
        {
            var o = ((y * width) + x) * 3;
            var dx = x - cx;
            var dy = y - 200;
            var head = (dx * dx) + (dy * dy) < radius * radius;
            var body = y > 330 && Math.Abs(dx) < 150;
            var noise = random.Next(0, 12);
            pixels[o] = (byte)(head ? 190 + noise : body ? 30 + (seed % 60) : 255);
            pixels[o + 1] = (byte)(head ? 150 + noise : body ? 40 : 255);
            pixels[o + 2] = (byte)(head ? 130 + noise : body ? 90 + (seed * 7 % 100) : 255);
        }
    }

    return codec.Encode(pixels, width, height, JpegPixelFormat.Rgb, 70, dpi: 350);
}
