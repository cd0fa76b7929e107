using SocialCard.Core.Photos.Jpeg;

namespace SocialCard.Core.Tests.Photos;

public class JpegQualityEstimatorTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(50)]
    [InlineData(55)]
    [InlineData(69)]
    [InlineData(70)]
    [InlineData(71)]
    [InlineData(85)]
    [InlineData(95)]
    [InlineData(100)]
    public void Libjpeg_files_give_back_their_quality(int quality)
    {
        var jpeg = TestImages.Codec.Encode(new byte[64 * 64 * 3], 64, 64, JpegPixelFormat.Rgb, quality);

        Assert.Equal(quality, JpegQualityEstimator.Estimate(jpeg));
    }

    [Fact]
    public void Grayscale_files_use_their_only_table() =>
        Assert.Equal(70, JpegQualityEstimator.Estimate(DrawnFigures.GrayJpeg(quality: 70)));

    [Fact]
    public void The_table_is_the_standard_one_at_quality_50()
    {
        // T.81 Table K.1 in natural (row-major) order; quality 50 uses it unscaled.
        int[] natural =
        [
            16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
            14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
            18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
            49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
        ];
        Span<ushort> zigZag = stackalloc ushort[64];
        JpegQualityEstimator.StandardTable(50, zigZag);

        // Walk the zig-zag: anti-diagonals, alternating direction.
        var k = 0;
        for (var sum = 0; sum < 15; sum++)
        {
            for (var i = 0; i < 8; i++)
            {
                var row = sum % 2 == 0 ? sum - i : i;
                var col = sum - row;
                if (row is >= 0 and < 8 && col is >= 0 and < 8)
                {
                    Assert.Equal(natural[(row * 8) + col], zigZag[k++]);
                }
            }
        }

        Assert.Equal(64, k);
    }

    [Fact]
    public void Files_without_tables_have_no_estimate()
    {
        Assert.Null(JpegQualityEstimator.Estimate(TestImages.Png()));
        Assert.Null(JpegQualityEstimator.Estimate(TestImages.RandomBytes(1000, seed: 3)));
        Assert.Null(JpegQualityEstimator.Estimate([0xFF, 0xD8, 0xFF]));
    }
}
