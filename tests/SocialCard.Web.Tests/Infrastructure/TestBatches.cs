using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>
/// Builds a batch of valid persons straight through the domain (the unit's upload path is tested elsewhere), with the
/// deployment's validation, declared unless told otherwise. The caller adds it to its context and saves it.
/// </summary>
public static class TestBatches
{
    /// <summary>
    /// The batch of <paramref name="persons"/>, each validated and checked to carry no error; <paramref name="shape"/>
    /// sets what validation does not (source row, roster columns) on each person and its index before it joins.
    /// </summary>
    public static CollectionBatch Build(
        IServiceProvider services, int unitId, string title, string actor, DateTimeOffset at, IEnumerable<PersonInput> persons,
        bool declare = true, Action<InsuredPerson, int>? shape = null)
    {
        var validation = services.GetRequiredService<PersonValidation>();
        var batch = new CollectionBatch(unitId, title, actor, at);
        var index = 0;
        foreach (var input in persons)
        {
            var person = new InsuredPerson(unitId, at);
            person.Apply(validation.Validate(input), at);
            Assert.True(person.ErrorCount == 0, $"{input.Name}: {string.Join("; ", person.Findings.Select(f => f.Message))}");
            shape?.Invoke(person, index++);
            Assert.True(batch.AddPerson(person).Succeeded);
        }

        if (declare)
        {
            var declared = batch.Declare(actor, at);
            Assert.True(declared.Succeeded, declared.Error);
        }

        return batch;
    }

    /// <summary>A valid person's input: sex and birth date as the ID number says, a mobile number, a Weifang postcode and address.</summary>
    public static PersonInput Input(string name, string idNumber, string ethnicity = "01")
    {
        var id = CitizenId.Parse(idNumber).Id ?? throw new ArgumentException("Test persons need a valid ID number.", nameof(idNumber));
        return new PersonInput(
            name, idNumber, id.Sex.ToChinese(), id.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ethnicity, "13912345678", "261041", "山东省潍坊市奎文区示例路8号");
    }
}
