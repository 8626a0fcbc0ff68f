package org.temper.weka.it;

import weka.core.WekaPackageManager;

/** Installs a package archive offline with Weka's package manager, as a user would. */
public final class InstallPackage {

    private InstallPackage() {
    }

    /**
     * @param args the package zip
     * @throws Exception when Weka cannot install it
     */
    public static void main(String[] args) throws Exception {
        String name = WekaPackageManager.installPackageFromArchive(args[0], System.out);
        System.out.println("installed: " + name);
        System.exit(0);
    }
}
