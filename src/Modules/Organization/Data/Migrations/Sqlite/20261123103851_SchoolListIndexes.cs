using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Organization.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SchoolListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_org_school_CityCode_RetiredAt_Code",
                table: "org_school",
                columns: new[] { "CityCode", "RetiredAt", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_org_school_CountyCode_RetiredAt_Code",
                table: "org_school",
                columns: new[] { "CountyCode", "RetiredAt", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_org_school_ProvinceCode_RetiredAt_Code",
                table: "org_school",
                columns: new[] { "ProvinceCode", "RetiredAt", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_org_school_CityCode_RetiredAt_Code",
                table: "org_school");

            migrationBuilder.DropIndex(
                name: "IX_org_school_CountyCode_RetiredAt_Code",
                table: "org_school");

            migrationBuilder.DropIndex(
                name: "IX_org_school_ProvinceCode_RetiredAt_Code",
                table: "org_school");
        }
    }
}
