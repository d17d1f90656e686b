using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Students.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_stu_student_SchoolId",
                table: "stu_student");

            migrationBuilder.DropIndex(
                name: "IX_stu_status_change_BatchId",
                table: "stu_status_change");

            migrationBuilder.DropIndex(
                name: "IX_stu_status_change_CityCode",
                table: "stu_status_change");

            migrationBuilder.DropIndex(
                name: "IX_stu_status_change_ClassId",
                table: "stu_status_change");

            migrationBuilder.DropIndex(
                name: "IX_stu_status_change_CountyCode",
                table: "stu_status_change");

            migrationBuilder.DropIndex(
                name: "IX_stu_status_change_ProvinceCode",
                table: "stu_status_change");

            migrationBuilder.DropIndex(
                name: "IX_stu_status_change_SchoolId",
                table: "stu_status_change");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_stu_student_SchoolId",
                table: "stu_student",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_BatchId",
                table: "stu_status_change",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_CityCode",
                table: "stu_status_change",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_ClassId",
                table: "stu_status_change",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_CountyCode",
                table: "stu_status_change",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_ProvinceCode",
                table: "stu_status_change",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_SchoolId",
                table: "stu_status_change",
                column: "SchoolId");
        }
    }
}
