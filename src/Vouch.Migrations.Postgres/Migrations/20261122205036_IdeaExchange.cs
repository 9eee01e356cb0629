using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IdeaExchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ContactId",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Ideas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Response = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true),
                    StatusBeforeMerge = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    IsHidden = table.Column<bool>(type: "boolean", nullable: false),
                    HiddenById = table.Column<Guid>(type: "uuid", nullable: true),
                    HiddenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VoteCount = table.Column<int>(type: "integer", nullable: false),
                    HotScore = table.Column<double>(type: "double precision", nullable: false),
                    VoterAccounts = table.Column<int>(type: "integer", nullable: false),
                    ValueRevenue = table.Column<double>(type: "double precision", nullable: false),
                    ValueGrossProfit = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ideas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ideas_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ideas_AspNetUsers_HiddenById",
                        column: x => x.HiddenById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ideas_Ideas_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ideas_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IdeaId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdeaComments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IdeaComments_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaCredits",
                columns: table => new
                {
                    IdeaId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Voters = table.Column<int>(type: "integer", nullable: false),
                    CreditedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaCredits", x => new { x.IdeaId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_IdeaCredits_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaCredits_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaDemands",
                columns: table => new
                {
                    IdeaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Facet = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Voters = table.Column<int>(type: "integer", nullable: false),
                    Accounts = table.Column<int>(type: "integer", nullable: false),
                    Revenue = table.Column<double>(type: "double precision", nullable: false),
                    GrossProfit = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaDemands", x => new { x.IdeaId, x.Facet });
                    table.ForeignKey(
                        name: "FK_IdeaDemands_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaFollows",
                columns: table => new
                {
                    IdeaId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaFollows", x => new { x.IdeaId, x.UserId });
                    table.ForeignKey(
                        name: "FK_IdeaFollows_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaFollows_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaTerms",
                columns: table => new
                {
                    Term = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdeaId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaTerms", x => new { x.Term, x.IdeaId });
                    table.ForeignKey(
                        name: "FK_IdeaTerms_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaVotes",
                columns: table => new
                {
                    IdeaId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    MergedFromIdeaId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaVotes", x => new { x.IdeaId, x.UserId });
                    table.ForeignKey(
                        name: "FK_IdeaVotes_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IdeaVotes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaVotes_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaVotes_Ideas_MergedFromIdeaId",
                        column: x => x.MergedFromIdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ContactId",
                table: "AspNetUsers",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaComments_AuthorId",
                table: "IdeaComments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaComments_IdeaId_At",
                table: "IdeaComments",
                columns: new[] { "IdeaId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaCredits_AccountId",
                table: "IdeaCredits",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaDemands_Facet_GrossProfit_IdeaId",
                table: "IdeaDemands",
                columns: new[] { "Facet", "GrossProfit", "IdeaId" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaDemands_Facet_Revenue_IdeaId",
                table: "IdeaDemands",
                columns: new[] { "Facet", "Revenue", "IdeaId" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaDemands_Facet_Voters_IdeaId",
                table: "IdeaDemands",
                columns: new[] { "Facet", "Voters", "IdeaId" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaFollows_UserId",
                table: "IdeaFollows",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_AuthorId",
                table: "Ideas",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CreatedAt_Id",
                table: "Ideas",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_HiddenById",
                table: "Ideas",
                column: "HiddenById");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_HotScore_Id",
                table: "Ideas",
                columns: new[] { "HotScore", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_MergedIntoId",
                table: "Ideas",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ProductId",
                table: "Ideas",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ValueGrossProfit_VoteCount_Id",
                table: "Ideas",
                columns: new[] { "ValueGrossProfit", "VoteCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ValueRevenue_VoteCount_Id",
                table: "Ideas",
                columns: new[] { "ValueRevenue", "VoteCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_VoteCount_Id",
                table: "Ideas",
                columns: new[] { "VoteCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaTerms_IdeaId",
                table: "IdeaTerms",
                column: "IdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaVotes_AccountId",
                table: "IdeaVotes",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaVotes_IdeaId_AccountId",
                table: "IdeaVotes",
                columns: new[] { "IdeaId", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaVotes_MergedFromIdeaId",
                table: "IdeaVotes",
                column: "MergedFromIdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaVotes_UserId",
                table: "IdeaVotes",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_At",
                table: "Notifications",
                columns: new[] { "UserId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Contacts_ContactId",
                table: "AspNetUsers",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Contacts_ContactId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "IdeaComments");

            migrationBuilder.DropTable(
                name: "IdeaCredits");

            migrationBuilder.DropTable(
                name: "IdeaDemands");

            migrationBuilder.DropTable(
                name: "IdeaFollows");

            migrationBuilder.DropTable(
                name: "IdeaTerms");

            migrationBuilder.DropTable(
                name: "IdeaVotes");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_ContactId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ContactId",
                table: "AspNetUsers");
        }
    }
}
