using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Registry;

namespace SocialCard.Core.Tests.Registry;

public sealed class SyntheticPortraitTests
{
    private static readonly JpegCodec Codec = new();

    [Fact]
    public async Task The_mock_answers_photo_requests_with_a_portrait_only_for_persons_who_have_one()
    {
        var mock = new MockIdentityRegistry(new MockRegistryOptions { Size = 20_000, DifferenceShare = 0.2, PhotoCodec = Codec });
        var persons = RegistryPopulation.Persons(1, 2_000).ToList();
        var withPhoto = persons.Where(p => mock.PlantedDifference(p.IdNumber) == RegistryDifference.None).Take(2).ToList();
        var noPhoto = persons.First(p => mock.PlantedDifference(p.IdNumber) == RegistryDifference.NoPhoto);
        var unknown = RegistryPopulation.Persons(1, 1, start: 20_000).Single();

        var first = await mock.GetPhotoAsync(withPhoto[0].IdNumber, CancellationToken.None);
        var second = await mock.GetPhotoAsync(withPhoto[1].IdNumber, CancellationToken.None);
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Equal(first, await mock.GetPhotoAsync(withPhoto[0].IdNumber, CancellationToken.None));
        var header = Codec.ReadHeader(first);
        Assert.Equal((SyntheticPortrait.Width, SyntheticPortrait.Height), (header.Width, header.Height));

        Assert.Null(await mock.GetPhotoAsync(noPhoto.IdNumber, CancellationToken.None));
        Assert.Null(await mock.GetPhotoAsync(unknown.IdNumber, CancellationToken.None));
    }

    [Fact]
    public void The_portrait_is_white_at_the_top_corners_and_has_a_face_in_the_middle()
    {
        var pixels = SyntheticPortrait.Pixels("370702199001011234");
        Assert.Equal(SyntheticPortrait.Width * SyntheticPortrait.Height * 3, pixels.Length);
        Assert.Equal([255, 255, 255], pixels[..3]);
        var centre = ((190 * SyntheticPortrait.Width) + 179) * 3;
        Assert.InRange(pixels[centre], 180, 240); // skin, not background
        Assert.NotEqual(255, pixels[centre + 2]);
    }
}
