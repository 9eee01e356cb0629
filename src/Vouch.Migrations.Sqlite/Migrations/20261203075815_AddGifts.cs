using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddGifts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GiftPolicy",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    YearlyLimit = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    OccasionLimit = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    PublicSectorYearlyLimit = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    PublicSectorOccasionLimit = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ApprovalAbove = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    HoursPerGift = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    PublicSectorIndustries = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GiftPolicy", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Gifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Occasion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WaitsBecause = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Exception = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExceptionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreditHours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Gifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Gifts_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Gifts_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Gifts_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_GiftId",
                table: "Engagements",
                column: "GiftId");

            migrationBuilder.CreateIndex(
                name: "IX_Gifts_ContactId_GivenOn",
                table: "Gifts",
                columns: new[] { "ContactId", "GivenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Gifts_DecidedById",
                table: "Gifts",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_Gifts_RecordedById",
                table: "Gifts",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Gifts_State",
                table: "Gifts",
                column: "State");

            migrationBuilder.AddForeignKey(
                name: "FK_Engagements_Gifts_GiftId",
                table: "Engagements",
                column: "GiftId",
                principalTable: "Gifts",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Engagements_Gifts_GiftId",
                table: "Engagements");

            migrationBuilder.DropTable(
                name: "GiftPolicy");

            migrationBuilder.DropTable(
                name: "Gifts");

            migrationBuilder.DropIndex(
                name: "IX_Engagements_GiftId",
                table: "Engagements");
        }
    }
}
