namespace SocialCard.Core.Photos.Storage;

/// <summary>
/// Where photo files live. Within a <c>key</c> — the owner of the photos, e.g. a person record or a batch — a photo
/// is addressed by the SHA-256 of its bytes: saving the same bytes twice stores them once, a stored photo never
/// changes, and no file name carries personal data such as a citizen ID number.
/// </summary>
/// <remarks>
/// Keys are 1–100 characters of ASCII letters, digits, '-', '_' and '.', starting with a letter or digit; anything
/// else is a programming error (<see cref="ArgumentException"/>). Hashes are 64 lower-case hex digits.
/// </remarks>
public interface IPhotoStore
{
    /// <summary>Stores the bytes (atomically: readers see all of them or none) and returns their SHA-256.</summary>
    Task<string> SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>A readable stream of the photo, or null when the key has no photo with that hash. Dispose it.</summary>
    Task<Stream?> OpenAsync(string key, string hash, CancellationToken cancellationToken = default);

    /// <summary>Removes the photo; false when there was none.</summary>
    Task<bool> DeleteAsync(string key, string hash, CancellationToken cancellationToken = default);

    /// <summary>The hashes of the photos stored under the key (none when the key has none), in no particular order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string key, CancellationToken cancellationToken = default);
}
