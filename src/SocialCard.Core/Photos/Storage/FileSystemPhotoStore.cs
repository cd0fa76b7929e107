using System.Security.Cryptography;

namespace SocialCard.Core.Photos.Storage;

/// <summary>
/// <see cref="IPhotoStore"/> in a directory: <c>{root}/{key}/{sha256}.jpg</c>. A save writes a temporary file in
/// the same directory, flushes it to disk and renames it into place, so a crash or a concurrent reader never sees a
/// partial photo, and two concurrent saves of the same bytes both succeed.
/// </summary>
public sealed class FileSystemPhotoStore : IPhotoStore
{
    private const string Extension = ".jpg";
    private const int MaxKeyLength = 100;

    private readonly string root;

    public FileSystemPhotoStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(root);
    }

    public string RootDirectory => root;

    public async Task<string> SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var directory = KeyDirectory(key);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var path = Path.Combine(directory, hash + Extension);
        if (File.Exists(path))
        {
            return hash; // same bytes, same name: already stored and immutable
        }

        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{hash}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true); // the rename must not become durable before the data
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // A concurrent save of the same bytes won the rename; its file has exactly our content.
            }
        }
        finally
        {
            File.Delete(temporary); // no-op after a successful move
        }

        return hash;
    }

    public Task<Stream?> OpenAsync(string key, string hash, CancellationToken cancellationToken = default)
    {
        var path = PhotoPath(key, hash);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> DeleteAsync(string key, string hash, CancellationToken cancellationToken = default)
    {
        var path = PhotoPath(key, hash);
        cancellationToken.ThrowIfCancellationRequested();
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<string>> ListAsync(string key, CancellationToken cancellationToken = default)
    {
        var directory = KeyDirectory(key);
        cancellationToken.ThrowIfCancellationRequested();
        if (!Directory.Exists(directory))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        // Only finished photos: a temporary file of a save in progress starts with a dot and ends in .tmp.
        IReadOnlyList<string> hashes = [.. Directory.EnumerateFiles(directory, "*" + Extension)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(name => name.Length == 64 && IsLowerHex(name))];
        return Task.FromResult(hashes);
    }

    private string PhotoPath(string key, string hash)
    {
        if (hash is null || hash.Length != 64 || !IsLowerHex(hash))
        {
            throw new ArgumentException("A photo hash is 64 lower-case hexadecimal digits (SHA-256).", nameof(hash));
        }

        return Path.Combine(KeyDirectory(key), hash + Extension);
    }

    private string KeyDirectory(string key)
    {
        // Whitelisted characters only: no separators, no "..", no leading dot, nothing a shell or a file system treats specially.
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength || !char.IsAsciiLetterOrDigit(key[0]))
        {
            throw new ArgumentException($"A photo key is 1–{MaxKeyLength} characters starting with a letter or digit.", nameof(key));
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                throw new ArgumentException($"A photo key may contain only ASCII letters, digits, '-', '_' and '.'; got '{c}'.", nameof(key));
            }
        }

        return Path.Combine(root, key);
    }

    private static bool IsLowerHex(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
