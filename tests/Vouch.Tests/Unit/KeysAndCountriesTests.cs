using Vouch.Data;
using Vouch.Features.Catalog;

namespace Vouch.Tests.Unit;

public sealed class KeysAndCountriesTests
{
    [Theory]
    [InlineData("Banking", "banking")]
    [InlineData("Food & Beverage", "food-beverage")]
    [InlineData("Not For Profit", "not-for-profit")]
    [InlineData("  Café Software  ", "cafe-software")]
    [InlineData("food-beverage", "food-beverage")]
    public void A_key_is_the_name_in_lower_case_words_joined_by_hyphens(string name, string key) =>
        Assert.Equal(key, Keys.FromName(name));

    [Theory]
    [InlineData("DE", "DE")]
    [InlineData("de", "DE")]
    [InlineData("Germany", "DE")]
    [InlineData("united states", "US")]
    [InlineData("Atlantis", null)]
    [InlineData("XX", null)]
    public void A_country_is_found_by_code_or_english_name(string text, string? code) =>
        Assert.Equal(code, Countries.Resolve(text));

    [Fact]
    public void The_standard_industries_have_stable_ids_and_unique_keys()
    {
        var industries = Industry.StandardNames.Select(Industry.Standard).ToList();

        Assert.Equal(32, industries.Count);
        Assert.Equal(industries.Count, industries.Select(i => i.Key).Distinct().Count());
        Assert.Equal(Industry.Standard("Banking").Id, StableId.For("industry:banking"));
    }
}
