import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

/** Runs epubcheck over several EPUBs in one JVM; prints "file<TAB>fatals<TAB>errors<TAB>warnings" per file. */
public class EpubcheckMany {
  public static void main(String[] args) {
    for (String name : args) {
      DefaultReportImpl report = new DefaultReportImpl(name);
      new EpubCheck(new File(name), report).doValidate();
      System.out.println(name + "\t" + report.getFatalErrorCount() + "\t" + report.getErrorCount() + "\t" + report.getWarningCount());
    }
  }
}
