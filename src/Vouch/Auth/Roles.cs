namespace Vouch.Auth;

/// <summary>The roles of DESIGN.md's "People and roles".</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string ReferenceManager = nameof(ReferenceManager);
    public const string Seller = nameof(Seller);
    public const string Executive = nameof(Executive);
    public const string Advocate = nameof(Advocate);

    public static readonly IReadOnlyList<string> All = [Admin, ReferenceManager, Seller, Executive, Advocate];

    /// <summary>The role's canonical name for any casing ("admin" is "Admin"), or null.</summary>
    public static string? Canonical(string role) => All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Named authorization policies shared by several capabilities. Every endpoint and page names a policy.</summary>
public static class Policies
{
    /// <summary>Any signed-in, enabled user.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Employees who read the customer inventory.</summary>
    public const string ReadInventory = nameof(ReadInventory);

    /// <summary>Those who change the customer inventory and its catalogues.</summary>
    public const string ManageInventory = nameof(ManageInventory);

    /// <summary>Users, roles and settings.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Customers' own portal.</summary>
    public const string AdvocatePortal = nameof(AdvocatePortal);

    /// <summary>The program's reports: supply and demand, influenced revenue.</summary>
    public const string ReadReports = nameof(ReadReports);

    /// <summary>
    /// The policies every capability may use, with the roles each lets in. A capability's own policies are declared
    /// by its module (<see cref="Hosting.ICapabilityModule.Policies"/>).
    /// </summary>
    public static readonly IReadOnlyList<Hosting.PolicyRoles> Shared =
    [
        new(ReadInventory, [Roles.Admin, Roles.ReferenceManager, Roles.Seller, Roles.Executive]),
        new(ManageInventory, [Roles.Admin, Roles.ReferenceManager]),
        new(Administer, [Roles.Admin]),
        new(AdvocatePortal, [Roles.Advocate]),
        new(ReadReports, [Roles.Admin, Roles.ReferenceManager, Roles.Executive]),
    ];
}
