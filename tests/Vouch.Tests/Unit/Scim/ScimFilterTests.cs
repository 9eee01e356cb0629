using Vouch.Features.Scim;

namespace Vouch.Tests.Unit.Scim;

public sealed class ScimFilterTests
{
    private static readonly Dictionary<string, ScimAttributeKind> s_attributes = new()
    {
        ["username"] = ScimAttributeKind.Text,
        ["externalid"] = ScimAttributeKind.CaseExactText,
        ["title"] = ScimAttributeKind.Text,
        ["emails.value"] = ScimAttributeKind.Text,
        ["emails.type"] = ScimAttributeKind.Text,
        ["active"] = ScimAttributeKind.Boolean,
    };

    /// <summary>Barbara Jensen of RFC 7643's examples, with two emails.</summary>
    private static IEnumerable<object?> Barbara(string attribute) => attribute switch
    {
        "username" => ["bjensen@example.com"],
        "externalid" => ["Bjensen"],
        "title" => [null],
        "emails.value" => ["bjensen@example.com", "babs@jensen.org"],
        "emails.type" => ["work", "home"],
        "active" => [true],
        _ => [],
    };

    private static bool Matches(string filter)
    {
        var parsed = ScimFilter.Parse(filter, s_attributes);
        Assert.True(parsed.Error is null, parsed.Error);
        return parsed.Value!.Matches(Barbara);
    }

    [Theory]
    [InlineData("userName eq \"BJENSEN@example.com\"", true)]
    [InlineData("USERNAME EQ \"bjensen@example.com\"", true)]
    [InlineData("externalId eq \"bjensen\"", false)]
    [InlineData("externalId eq \"Bjensen\"", true)]
    [InlineData("userName ne \"bjensen@example.com\"", false)]
    [InlineData("userName co \"jensen\"", true)]
    [InlineData("userName sw \"bj\"", true)]
    [InlineData("userName ew \"@example.org\"", false)]
    [InlineData("userName gt \"a\" and userName lt \"c\"", true)]
    [InlineData("title pr", false)]
    [InlineData("title eq null", true)]
    [InlineData("emails.value eq \"babs@jensen.org\"", true)]
    [InlineData("emails[type eq \"home\"]", true)]
    [InlineData("emails[type eq \"other\"]", false)]
    [InlineData("emails[value ew \"jensen.org\"]", true)]
    [InlineData("active eq true", true)]
    [InlineData("active eq false", false)]
    [InlineData("not (active eq true)", false)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bjensen@example.com\"", true)]
    public void A_filter_compares_as_rfc_7644_says(string filter, bool matches) => Assert.Equal(matches, Matches(filter));

    [Fact]
    public void And_binds_tighter_than_or_and_parentheses_change_that()
    {
        Assert.True(Matches("userName eq \"x\" and active eq true or externalId eq \"Bjensen\""));
        Assert.True(Matches("externalId eq \"Bjensen\" or userName eq \"x\" and active eq true"));
        Assert.False(Matches("(externalId eq \"Bjensen\" or userName eq \"x\") and active eq false"));
    }

    [Fact]
    public void A_quoted_value_reads_json_escapes()
    {
        Assert.True(Matches("userName eq \"bjensen\\u0040example.com\""));
    }

    [Theory]
    [InlineData("userName eq", "Expected a value")]
    [InlineData("userName eq \"a", "not closed")]
    [InlineData("userName like \"a\"", "'like' is not an operator")]
    [InlineData("shoeSize eq \"42\"", "'shoeSize' is not an attribute")]
    [InlineData("active sw true", "only with eq or ne")]
    [InlineData("active eq \"true\"", "is a string")]
    [InlineData("userName eq bjensen", "strings are quoted")]
    [InlineData("userName eq \"a\" userName", "Unexpected 'userName'")]
    public void A_bad_filter_says_what_is_wrong(string filter, string message)
    {
        var parsed = ScimFilter.Parse(filter, s_attributes);

        Assert.Null(parsed.Value);
        Assert.Contains(message, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_is_limited_so_a_hostile_filter_cannot_exhaust_the_stack()
    {
        var deep = string.Concat(Enumerable.Repeat("(", 10_000)) + "active eq true" + string.Concat(Enumerable.Repeat(")", 10_000));

        Assert.Contains("nest at most", ScimFilter.Parse(deep, s_attributes).Error, StringComparison.Ordinal);
        Assert.Null(ScimFilter.Parse("((active eq true))", s_attributes).Error);
    }
}
