using System.Security.Cryptography;
using System.Text;

namespace SocialCard.Core.Api;

/// <summary>
/// A per-unit key for HR systems using the JSON API. Only a hash is stored; the key itself is shown
/// once when issued. <see cref="Prefix"/> identifies a key in lists without revealing it.
/// </summary>
public sealed class ApiKey
{
    private ApiKey()
    {
    }

    private ApiKey(int unitId, string name, string prefix, string hash, string createdBy, DateTimeOffset at)
    {
        UnitId = unitId;
        Name = name;
        Prefix = prefix;
        Hash = hash;
        CreatedBy = createdBy;
        CreatedAt = at;
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public string Name { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    public string Hash { get; private set; } = "";

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Issues a new key; returns the entity and the secret to show once.</summary>
    public static (ApiKey Key, string Secret) Issue(int unitId, string name, string createdBy, DateTimeOffset at)
    {
        var secret = "sck_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        return (new ApiKey(unitId, name.Trim(), secret[..12], HashOf(secret), createdBy, at), secret);
    }

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
