using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos.Storage;
using SocialCard.Data;

namespace SocialCard.Web.Photos;

/// <summary>The stored files of one person's photos, read before the person is deleted.</summary>
public sealed record PersonPhotoFiles(int PersonId, int UnitId, IReadOnlyList<string> Hashes);

/// <summary>
/// Removes a deleted person's photo files from the store: every photo the person had (current, replaced, the
/// original of an adjusted one, on-site photos) and the adjusted candidates shown but never accepted. It runs only
/// after the deletion committed, so a deletion that fails or rolls back loses no photo. Files are addressed by content
/// within a unit, so a file that a remaining photo of the unit still uses is kept. A file that cannot be removed is
/// logged as an error and left on disk; the deletion itself stands.
/// </summary>
public sealed class PhotoFileCleanup(AppDbContext db, IPhotoStore store, ILogger<PhotoFileCleanup> logger)
{
    /// <summary>The files the person's photos use; call inside the deleting transaction, before the rows go.</summary>
    public async Task<PersonPhotoFiles> CollectAsync(InsuredPerson person, CancellationToken ct = default) =>
        new(person.Id, person.UnitId, await db.Photos.Where(p => p.PersonId == person.Id).Select(p => p.Hash).Distinct().ToListAsync(ct));

    /// <summary>
    /// Removes the files of persons whose deletion has committed. Not cancellable: once the rows are gone nothing
    /// else would remove the files, so a client that disconnects does not stop it.
    /// </summary>
    public async Task RemoveAsync(PersonPhotoFiles deleted)
    {
        var key = PhotoService.StoreKey(deleted.UnitId);
        var hashes = deleted.Hashes.ToList();
        var stillUsed = hashes.Count == 0
            ? []
            : await db.Photos.AsNoTracking().Where(p => p.UnitId == deleted.UnitId && hashes.Contains(p.Hash)).Select(p => p.Hash).Distinct().ToListAsync();
        var removed = 0;
        foreach (var hash in hashes.Except(stillUsed, StringComparer.Ordinal))
        {
            removed += await DeleteAsync(key, hash, deleted.PersonId) ? 1 : 0;
        }

        var candidates = PhotoService.CandidateKey(deleted.UnitId, deleted.PersonId);
        foreach (var hash in await ListAsync(candidates, deleted.PersonId))
        {
            removed += await DeleteAsync(candidates, hash, deleted.PersonId) ? 1 : 0;
        }

        logger.LogInformation("Deleted person {PersonId}: {Removed} photo files removed, {Kept} kept for other photos of the unit", deleted.PersonId, removed, stillUsed.Count);
    }

    private async Task<IReadOnlyList<string>> ListAsync(string key, int personId)
    {
        try
        {
            return await store.ListAsync(key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "The adjusted photos ({Key}) of deleted person {PersonId} could not be listed; they stay on disk", key, personId);
            return [];
        }
    }

    private async Task<bool> DeleteAsync(string key, string hash, int personId)
    {
        try
        {
            return await store.DeleteAsync(key, hash);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Photo file {Key}/{Hash} of deleted person {PersonId} could not be removed; it stays on disk", key, hash, personId);
            return false;
        }
    }
}
