namespace SocialCard.Core.Registry;

/// <summary>
/// The synthetic population behind <see cref="MockIdentityRegistry"/>, for tests, benchmarks and demo data: the same
/// seed gives the same persons, in the same order, as the mock of that seed holds (its first <see cref="MockRegistryOptions.Size"/>).
/// </summary>
public static class RegistryPopulation
{
    /// <summary>How many distinct synthetic persons exist (valid ID numbers over 16 regions × 1950–2019 × 1,000 sequences).</summary>
    public static long Capacity => SyntheticPopulation.Space;

    /// <summary>
    /// <paramref name="count"/> persons from position <paramref name="start"/>, with the values a unit submits (the
    /// registry differs for a planted share, see <see cref="MockIdentityRegistry.PlantedDifference"/>). A mock of size N
    /// holds positions 0…N−1, so <c>Persons(seed, k, start: N)</c> gives valid ID numbers it does not know.
    /// </summary>
    public static IEnumerable<RegistryPerson> Persons(int seed, int count, long start = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Capacity, nameof(count));
        return Enumerate(new SyntheticPopulation(seed), count, start);
    }

    private static IEnumerable<RegistryPerson> Enumerate(SyntheticPopulation population, int count, long start)
    {
        for (var i = start; i < start + count; i++)
        {
            var id = population.IdAt(i);
            population.IndexOf(id, out var slot);
            yield return population.PersonAt(slot, id);
        }
    }
}
