using System.Text;
using SocialCard.Core.Documents.Fonts;

namespace SocialCard.Core.Tests.Documents;

public class FontChainTests
{
    [Fact]
    public void Runs_fall_back_per_character_to_Hanazono()
    {
        var chain = DocumentFonts.Chain;
        var runs = new TextRuns(chain).Split("张𠀀明");

        Assert.Equal(["张", "𠀀", "明"], runs.Select(r => r.Text));
        Assert.Equal(0, runs[0].FontIndex);
        Assert.Contains("hanazono", chain.Spec(runs[1].FontIndex).Path, StringComparison.Ordinal);
        Assert.Equal(0, runs[2].FontIndex);
        Assert.True(chain.Coverage(0).Covers('·'));
        Assert.True(chain.Coverage(0).Covers('堃') && chain.Coverage(0).Covers('赟'));
    }

    [Fact]
    public void Face_extracted_from_a_collection_is_a_standalone_TrueType_font()
    {
        var ttc = File.ReadAllBytes(new DocumentFontOptions().Primary.Path);
        Assert.True(TrueTypeCollection.IsCollection(ttc));
        Assert.Equal(4, TrueTypeCollection.FaceCount(ttc));

        var face = TrueTypeCollection.ExtractFace(ttc, 0);

        Assert.Equal([0, 1, 0, 0], face[..4]);
        Assert.False(TrueTypeCollection.IsCollection(face));
        var coverage = GlyphCoverage.Read(face);
        Assert.True(coverage.Covers(new Rune('社')));
        Assert.False(coverage.Covers(0x20000));
    }

    [Fact]
    public void Missing_font_names_its_Debian_package()
    {
        var spec = new FontFileSpec("/nonexistent/uming.ttc", 0, "fonts-arphic-uming");

        var e = Assert.Throws<DocumentFontMissingException>(() => new FontChain(new DocumentFontOptions { Primary = spec }));

        Assert.Contains("fonts-arphic-uming", e.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/uming.ttc", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_options_name_the_packages_to_install()
    {
        Assert.Equal(["fonts-arphic-uming", "fonts-hanazono"], new DocumentFontOptions().DebianPackages);
    }
}
