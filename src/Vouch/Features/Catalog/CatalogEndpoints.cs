using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Catalog;

public sealed record IndustryResponse(string Key, string Name);

public sealed record ProductResponse(string Key, string Name);

public sealed record CountryResponse(string Code, string Name);

public sealed record CreateProductRequest(string? Name, string? Key);

public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder api)
    {
        api.MapGet("/industries", async (VouchDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Industries.OrderBy(i => i.Name).Select(i => new IndustryResponse(i.Key, i.Name)).ToListAsync(ct)))
            .WithTags("Catalog").WithName("ListIndustries").WithSummary("List the industries accounts are classified by.")
            .RequireAuthorization(Policies.ReadInventory);

        api.MapGet("/countries", () => TypedResults.Ok(Countries.All.Select(c => new CountryResponse(c.Code, c.Name)).ToList()))
            .WithTags("Catalog").WithName("ListCountries").WithSummary("List the countries accounts can be in, by ISO code and name.")
            .RequireAuthorization(Policies.ReadInventory);

        api.MapGet("/products", async (VouchDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Products.OrderBy(p => p.Name).Select(p => new ProductResponse(p.Key, p.Name)).ToListAsync(ct)))
            .WithTags("Catalog").WithName("ListProducts").WithSummary("List the products customers can use.")
            .RequireAuthorization(Policies.ReadInventory);

        api.MapPost("/products", CreateProduct)
            .WithTags("Catalog").WithName("CreateProduct").WithSummary("Add a product.").ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);

        return api;
    }

    private static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> CreateProduct(
        CreateProductRequest request, VouchDbContext db, CancellationToken ct) =>
        (await db.AddProductAsync(request, ct)).ToApi(product => TypedResults.Created($"/api/v1/products/{product.Key}", product));

    /// <summary>Adds a product by name; its key is the name's unless one is given.</summary>
    public static async Task<CommandResult<ProductResponse>> AddProductAsync(this VouchDbContext db, CreateProductRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("name", request.Name, Product.NameMaxLength);
        errors.MaxLength("key", request.Key, Product.NameMaxLength);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var name = request.Name!.Trim();
        var key = Keys.FromName(string.IsNullOrWhiteSpace(request.Key) ? name : request.Key);
        if (await db.Products.AnyAsync(p => p.Key == key || p.Name == name, ct))
        {
            return Refusal.Conflict("A product with this name or key already exists.", $"Product '{name}' ({key}) already exists.");
        }
        db.Products.Add(new Product { Key = key, Name = name });
        await db.SaveChangesAsync(ct);
        return new ProductResponse(key, name);
    }
}
