using Vouch.Features.Referrals;

namespace Vouch.Tests.Unit.Programs;

public sealed class ReferralDeduplicationTests
{
    private static readonly DateTimeOffset s_monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid s_first = Guid.Parse("00000000-0000-7000-8000-000000000001");
    private static readonly Guid s_second = Guid.Parse("00000000-0000-7000-8000-000000000002");

    [Theory]
    [InlineData("example.com", null, "example.com", null)]
    [InlineData("https://WWW.Example.com/about", null, "example.com", null)]
    [InlineData("sub.example.co.uk", null, "sub.example.co.uk", null)]
    [InlineData(null, " Mere@KeaFreight.Example ", "keafreight.example", "mere@keafreight.example")]
    [InlineData(null, "mere.tane@gmail.com", null, "mere.tane@gmail.com")]
    [InlineData("kea.example", "mere@other.example", "kea.example", "mere@other.example")]
    [InlineData("not a domain", null, null, null)]
    [InlineData("  ", "  ", null, null)]
    public void A_prospect_is_keyed_by_its_domain_or_its_work_email_in_lower_case(string? domain, string? email, string? keyDomain, string? keyEmail) =>
        Assert.Equal(new ProspectKey(keyDomain, keyEmail), ReferralDeduplication.KeyOf(domain, email));

    [Fact]
    public void The_same_domain_or_the_same_email_is_the_same_prospect_credited_to_the_first_referral()
    {
        KnownReferral[] known =
        [
            new(s_second, "kea.example", null, s_monday.AddDays(3)),
            new(s_first, "kea.example", "mere@kea.example", s_monday),
            new(Guid.NewGuid(), "other.example", "tama@other.example", s_monday.AddDays(-5)),
        ];

        Assert.Equal(s_first, ReferralDeduplication.SameProspect(new ProspectKey("KEA.example", null), known)?.Id);
        Assert.Equal(s_first, ReferralDeduplication.SameProspect(new ProspectKey(null, "Mere@Kea.Example"), known)?.Id);
        Assert.Equal(s_first, ReferralDeduplication.SameProspect(new ProspectKey("unrelated.example", "mere@kea.example"), known)?.Id);
        Assert.Null(ReferralDeduplication.SameProspect(new ProspectKey("kea.example.org", "mere@kea.example.org"), known));
        Assert.Null(ReferralDeduplication.SameProspect(new ProspectKey(null, null), known));
    }

    [Fact]
    public void Two_people_at_a_public_mail_provider_are_not_one_company()
    {
        var first = ReferralDeduplication.KeyOf(null, "ana@gmail.com");
        var second = ReferralDeduplication.KeyOf(null, "bo@gmail.com");

        Assert.Null(ReferralDeduplication.SameProspect(second, [new KnownReferral(s_first, first.Domain, first.Email, s_monday)]));
    }

    [Fact]
    public void A_customer_is_refused_naming_the_surer_sign_first()
    {
        Assert.Equal(("prospectEmail", "jo@kea.example is a contact at Kea Freight, an existing customer: a customer is not a referral."),
            ReferralDeduplication.AlreadyCustomer(new CustomerMatch("Kea", "Kea Freight"), "prospectCompany", "prospectEmail", "jo@kea.example"));
        Assert.Equal(("company", "Kea is an existing customer: a customer is not a referral."),
            ReferralDeduplication.AlreadyCustomer(new CustomerMatch("Kea", null), "company", "personEmail", null));
        Assert.Null(ReferralDeduplication.AlreadyCustomer(new CustomerMatch(null, null), "company", "personEmail", "jo@kea.example"));
    }
}
