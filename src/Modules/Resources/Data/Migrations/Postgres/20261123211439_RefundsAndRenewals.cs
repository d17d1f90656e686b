using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Resources.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RefundsAndRenewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsRenewal",
                schema: "resources",
                table: "res_order",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevokedAt",
                schema: "resources",
                table: "res_entitlement",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "res_order_refund",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    BudgetYear = table.Column<int>(type: "integer", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RefundedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProvinceCode = table.Column<string>(type: "text", nullable: false),
                    CityCode = table.Column<string>(type: "text", nullable: false),
                    CountyCode = table.Column<string>(type: "text", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_order_refund", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_res_order_refund_OrderId",
                schema: "resources",
                table: "res_order_refund",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_order_refund_ProviderId",
                schema: "resources",
                table: "res_order_refund",
                column: "ProviderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "res_order_refund",
                schema: "resources");

            migrationBuilder.DropColumn(
                name: "IsRenewal",
                schema: "resources",
                table: "res_order");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                schema: "resources",
                table: "res_entitlement");
        }
    }
}
