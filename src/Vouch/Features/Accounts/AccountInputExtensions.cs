using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Catalog;

namespace Vouch.Features.Accounts;

public static class AccountInputExtensions
{
    /// <summary>
    /// Validates <paramref name="input"/> and, when it is valid, copies it onto <paramref name="account"/>,
    /// resolving industry, products, country and owner by name. Nothing is copied when anything is wrong.
    /// </summary>
    public static async Task<ValidationErrors> ApplyToAsync(this AccountInput input, Account account, VouchDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("name", input.Name, Account.NameMaxLength);
        errors.MaxLength("externalId", input.ExternalId, Account.ExternalIdMaxLength);

        Industry? industry = null;
        if (!string.IsNullOrWhiteSpace(input.Industry))
        {
            var key = Keys.FromName(input.Industry);
            industry = await db.Industries.SingleOrDefaultAsync(i => i.Key == key, ct);
            if (industry is null)
            {
                errors.Add("industry", $"'{input.Industry}' is not a known industry; GET /api/v1/industries lists them.");
            }
        }
        Segment? segment = null;
        if (!string.IsNullOrWhiteSpace(input.Segment))
        {
            if (Enum.TryParse<Segment>(input.Segment, ignoreCase: true, out var parsed))
            {
                segment = parsed;
            }
            else
            {
                errors.Add("segment", $"segment must be one of {string.Join(", ", Enum.GetNames<Segment>())}.");
            }
        }
        Region? region = null;
        if (!string.IsNullOrWhiteSpace(input.Region))
        {
            if (Enum.TryParse<Region>(input.Region, ignoreCase: true, out var parsed))
            {
                region = parsed;
            }
            else
            {
                errors.Add("region", $"region must be one of {string.Join(", ", Enum.GetNames<Region>())}.");
            }
        }
        string? country = null;
        if (!string.IsNullOrWhiteSpace(input.Country))
        {
            country = Countries.Resolve(input.Country);
            if (country is null)
            {
                errors.Add("country", $"'{input.Country}' is not a country name or ISO code.");
            }
        }
        if (input.Employees < 0)
        {
            errors.Add("employees", "employees cannot be negative.");
        }
        Guid? ownerId = null;
        if (!string.IsNullOrWhiteSpace(input.Owner))
        {
            var email = input.Owner.Trim().ToUpperInvariant();
            ownerId = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
            if (ownerId is null)
            {
                errors.Add("owner", $"No user has the email '{input.Owner}'.");
            }
        }
        var productKeys = (input.Products ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(Keys.FromName).Distinct().ToList();
        var products = await db.Products.Where(p => productKeys.Contains(p.Key)).ToListAsync(ct);
        foreach (var unknown in productKeys.Except(products.Select(p => p.Key)))
        {
            errors.Add("products", $"'{unknown}' is not a known product; GET /api/v1/products lists them.");
        }
        var competitors = (input.CompetitorsReplaced ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (competitors.Any(c => c.Length > 100))
        {
            errors.Add("competitorsReplaced", "Each competitor name must be at most 100 characters.");
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }

        account.Name = input.Name!.Trim();
        account.IndustryId = industry?.Id;
        account.Segment = segment;
        account.Region = region;
        account.CountryCode = country;
        account.Employees = input.Employees;
        account.AnnualRevenue = input.AnnualRevenue;
        account.GrossProfit = input.GrossProfit;
        account.CustomerSince = input.CustomerSince;
        account.ContractDate = input.ContractDate;
        account.OwnerId = ownerId;
        account.CompetitorsReplaced = competitors;
        account.Products = products;
        account.ExternalId = string.IsNullOrWhiteSpace(input.ExternalId) ? null : input.ExternalId.Trim();
        return errors;
    }
}
