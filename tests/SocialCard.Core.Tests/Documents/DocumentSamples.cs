using SocialCard.Core.Documents;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Tests.Support;

namespace SocialCard.Core.Tests.Documents;

/// <summary>Sample persons (with rare-character and minority names) and generated photos for the document tests.</summary>
internal static class DocumentSamples
{
    /// <summary>𠀀 is U+20000 (CJK extension B), 䶮 U+4DAE (extension A); 堃 and 赟 are in the basic block.</summary>
    public static readonly string[] Names = ["张𠀀", "刘䶮", "王堃", "李赟", "阿依古丽·买买提", "陈小明"];

    public static SummaryRow Row(int i) => new(
        Names[i % Names.Length],
        Ids.Make("430111", "1990" + ((i % 12) + 1).ToString("00") + "15", (i % 900 + 100).ToString("000")),
        i % 2 == 0 ? Sex.Male : Sex.Female,
        new DateOnly(1990, (i % 12) + 1, 15),
        "汉族",
        "1380000" + (i % 10000).ToString("0000"),
        "湖南省长沙市芙蓉区五一大道" + (i % 300) + "号");

    public static SummaryTable Table(int rows)
    {
        var list = Enumerable.Range(0, rows).Select(Row).ToList();
        var digest = BatchDigest.Compute(list.Select(r => new BatchDigestEntry(r.IdNumber, r.Name)));
        return new SummaryTable("长沙市某某科技有限公司", "43010012345", "2026年第一批", "在职", digest,
            "https://socialcard.example/b/2026-001?d=" + digest, list, new DateOnly(2026, 11, 22));
    }

    public static ApplicationForm Form(int i, byte[]? photo) => new(
        Names[i % Names.Length], Ids.Male, Sex.Male, new DateOnly(1990, 1, 1), "汉族", "13800001234", "410000",
        "湖南省长沙市芙蓉区五一大道100号", "长沙市某某科技有限公司", "43010012345", "P" + i, "在职", photo);

    /// <summary>A 358 × 441 photo at 350 dpi (JFIF APP0), colours varied by <paramref name="seed"/>: a grey "head" on white.</summary>
    public static byte[] Photo(int seed, JpegCodec? codec = null)
    {
        const int width = 358, height = 441;
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 3;
                var dx = x - 179;
                var dy = y - 200;
                var head = (dx * dx) + (dy * dy) < 95 * 95;
                var body = y > 330 && Math.Abs(dx) < 150;
                pixels[o] = (byte)(head ? 200 : body ? 30 + (seed % 60) : 255);
                pixels[o + 1] = (byte)(head ? 160 : body ? 40 : 255);
                pixels[o + 2] = (byte)(head ? 140 : body ? 90 + (seed * 7 % 100) : 255);
            }
        }

        return (codec ?? new JpegCodec()).Encode(pixels, width, height, JpegPixelFormat.Rgb, 70, dpi: 350);
    }
}
