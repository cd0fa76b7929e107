using System.Security.Cryptography;
using SocialCard.Core.Photos.Storage;

namespace SocialCard.Core.Tests.Photos;

public sealed class FileSystemPhotoStoreTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "socialcard-photostore-" + Guid.NewGuid().ToString("N"));
    private readonly FileSystemPhotoStore store;

    public FileSystemPhotoStoreTests()
    {
        store = new FileSystemPhotoStore(root);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Saving_returns_the_sha256_and_the_bytes_read_back()
    {
        var photo = DrawnFigures.Jpeg();

        var hash = await store.SaveAsync("person-42", photo);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), hash);
        Assert.True(File.Exists(Path.Combine(root, "person-42", hash + ".jpg")));
        await using var stream = await store.OpenAsync("person-42", hash);
        Assert.NotNull(stream);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(photo, copy.ToArray());
    }

    [Fact]
    public async Task Listing_gives_the_hashes_of_one_key_only()
    {
        var first = await store.SaveAsync("person-1", DrawnFigures.Jpeg());
        var second = await store.SaveAsync("person-1", DrawnFigures.Jpeg(quality: 90));
        await store.SaveAsync("person-2", DrawnFigures.Jpeg(quality: 50));
        File.WriteAllText(Path.Combine(root, "person-1", $".{first}.partial.tmp"), "a save in progress");

        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), (await store.ListAsync("person-1")).Order(StringComparer.Ordinal));
        Assert.Empty(await store.ListAsync("person-3"));
        Assert.True(await store.DeleteAsync("person-1", first));
        Assert.Equal([second], await store.ListAsync("person-1"));
    }

    [Fact]
    public async Task The_same_bytes_are_stored_once()
    {
        var photo = DrawnFigures.Jpeg();

        var first = await store.SaveAsync("batch-7", photo);
        var second = await store.SaveAsync("batch-7", photo);

        Assert.Equal(first, second);
        Assert.Single(Directory.GetFiles(Path.Combine(root, "batch-7")));
    }

    [Fact]
    public async Task Concurrent_saves_of_the_same_bytes_all_succeed_and_leave_no_temporary_files()
    {
        var photo = DrawnFigures.Jpeg();

        var hashes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.SaveAsync("batch-7", photo))));

        Assert.Single(hashes.Distinct());
        var files = Directory.GetFiles(Path.Combine(root, "batch-7"));
        Assert.Equal([hashes[0] + ".jpg"], files.Select(Path.GetFileName));
        Assert.Equal(photo, await File.ReadAllBytesAsync(files[0]));
    }

    [Fact]
    public async Task Keys_keep_photos_apart()
    {
        var photo = DrawnFigures.Jpeg();
        var hash = await store.SaveAsync("unit-1", photo);
        await store.SaveAsync("unit-2", photo);

        Assert.True(await store.DeleteAsync("unit-1", hash));

        Assert.Null(await store.OpenAsync("unit-1", hash));
        await using var other = await store.OpenAsync("unit-2", hash);
        Assert.NotNull(other);
    }

    [Fact]
    public async Task Deleting_twice_reports_that_nothing_was_left()
    {
        var hash = await store.SaveAsync("p1", DrawnFigures.Jpeg());

        Assert.True(await store.DeleteAsync("p1", hash));
        Assert.False(await store.DeleteAsync("p1", hash));
        Assert.False(await store.DeleteAsync("never-saved", hash));
    }

    [Fact]
    public async Task Opening_an_unknown_photo_gives_null()
    {
        var hash = new string('a', 64);

        Assert.Null(await store.OpenAsync("p1", hash));
        Assert.Null(await store.OpenAsync("no-such-key", hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("张三")]
    [InlineData("with space")]
    [InlineData("-leading-dash")]
    public async Task Unsafe_keys_are_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(key, new byte[] { 1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync(key, new string('a', 64)));
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public async Task Long_keys_are_refused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(new string('k', 101), new byte[] { 1 }));

    [Theory]
    [InlineData("abc")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg")]
    public async Task Malformed_hashes_are_refused(string hash)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync("p1", hash));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync("p1", hash));
    }

    [Fact]
    public async Task A_cancelled_save_leaves_nothing_behind()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync("p1", DrawnFigures.Jpeg(), cancelled.Token));

        Assert.Empty(Directory.GetFiles(Path.Combine(root, "p1")));
    }
}
