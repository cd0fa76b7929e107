using SocialCard.Core.Documents;

namespace SocialCard.Core.Tests.Documents;

public class BatchDigestTests
{
    private static readonly BatchDigestEntry A = new("430111199001010573", "王堃", "男", "1990-01-01");
    private static readonly BatchDigestEntry B = new("430111199001010581", "张𠀀", "女", "1990-01-01");

    [Fact]
    public void Digest_is_16_hex_characters_independent_of_order()
    {
        var digest = BatchDigest.Compute([A, B]);

        Assert.Matches("^[0-9A-F]{16}$", digest);
        Assert.Equal(digest, BatchDigest.Compute([B, A]));
        Assert.Equal(19, BatchDigest.Format(digest).Length);
    }

    [Fact]
    public void A_changed_added_or_removed_person_changes_the_digest()
    {
        var digest = BatchDigest.Compute([A, B]);

        Assert.NotEqual(digest, BatchDigest.Compute([A, B with { Name = "张三" }]));
        Assert.NotEqual(digest, BatchDigest.Compute([A, B with { Phone = "13800001234" }]));
        Assert.NotEqual(digest, BatchDigest.Compute([A]));
        Assert.NotEqual(digest, BatchDigest.Compute([A, B, A]));
        // Length prefixes: moving text between fields is a change too.
        Assert.NotEqual(BatchDigest.Compute([new("1", "23")]), BatchDigest.Compute([new("12", "3")]));
    }
}
