namespace SocialCard.Core.Common;

/// <summary>
/// An entity with an application-managed optimistic concurrency token. The data layer renews
/// <see cref="Version"/> on every save; a stale version makes the save fail on both providers
/// (a database-generated rowversion never changes on SQLite).
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
